package io.itinera;

import org.camunda.bpm.engine.ManagementService;

/** Runs a Camunda batch's jobs (seed, then each batch job, then the monitor) when the test says so. */
public final class EngineBatches {

  private static final int MAX_JOBS = 200;

  private EngineBatches() {
  }

  /** Runs the batch to its end: the monitor job completes it once no batch job is left. */
  public static void run(ManagementService management, String batchId) {
    for (int executed = 0; executed < MAX_JOBS; executed++) {
      if (!runNextJob(management, batchId)) {
        return;
      }
    }
    throw new IllegalStateException("Batch " + batchId + " did not end within " + MAX_JOBS + " jobs");
  }

  /** Runs one job of the batch, the seed first and the monitor last; false when the batch has ended. */
  public static boolean runNextJob(ManagementService management, String batchId) {
    var batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch == null) {
      return false;
    }
    for (var definition : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId()}) {
      var jobs = management.createJobQuery().jobDefinitionId(definition).withRetriesLeft().listPage(0, 1);
      if (!jobs.isEmpty()) {
        management.executeJob(jobs.get(0).getId());
        return true;
      }
    }
    return false;
  }
}
