package io.itinera.journey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A migration batch as the engine reports it, with the journey and versions it moves: each batch job
 * moves one run (Camunda's default of one invocation per job), so jobs count runs. {@code RUNNING}
 * until every job succeeded or was deleted; failed jobs keep their run on the source version and are
 * listed with the engine's message.
 */
public record MigrationProgress(@JsonUnwrapped MigrationStarted migration, Status status, int totalJobs, int jobsCreated, int completedJobs,
    int remainingJobs, int failedJobs, List<Failure> failures, Instant startedAt, Instant endedAt) {

  public enum Status { RUNNING, COMPLETED }

  public record Failure(String jobId, String message) {
  }
}
