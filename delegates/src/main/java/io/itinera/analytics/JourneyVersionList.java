package io.itinera.analytics;

import io.itinera.journey.JourneyState;
import java.time.Instant;
import java.util.List;

/** A journey's deployed versions, newest first, and whether the journey takes new entries. */
public record JourneyVersionList(String journey, JourneyState state, List<Version> versions) {

  /**
   * One version: where it came from, whether it takes new entries ({@code retired}: no, its runs
   * finish; only the latest version not retired takes them), its active runs per step, and what
   * changed against the version before it (empty for the first).
   */
  public record Version(int version, String processDefinitionId, String versionTag, Instant deployedAt,
      String deploymentName, String deploymentSource, boolean takesEntries, boolean retired, long activeRuns,
      List<StepRuns> steps, List<StepChange> changes) {
  }

  /** Runs of this version in one step now: waiting there, or waiting to run it. */
  public record StepRuns(String step, String name, long runs) {
  }
}
