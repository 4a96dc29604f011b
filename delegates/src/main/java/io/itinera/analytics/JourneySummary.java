package io.itinera.analytics;

import java.util.List;

/** A deployed journey and its versions, newest first. */
public record JourneySummary(String journey, String name, int latestVersion, List<Version> versions) {

  public record Version(int version, String processDefinitionId, boolean suspended) {
  }
}
