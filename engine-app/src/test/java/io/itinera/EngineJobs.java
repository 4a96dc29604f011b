package io.itinera;

import org.camunda.bpm.engine.ManagementService;

/** Runs the engine's due jobs the way the job executor would, but when the test says so. */
public final class EngineJobs {

  private static final int MAX_JOBS = 200;

  private EngineJobs() {
  }

  /** Runs every job due now for these runs, including the jobs those create; a failing job is left to its retries. */
  public static void runDue(ManagementService management, String... processInstanceIds) {
    for (int executed = 0; executed < MAX_JOBS; executed++) {
      var due = management.createJobQuery().executable();
      var next = processInstanceIds.length == 1
          ? due.processInstanceId(processInstanceIds[0]).listPage(0, 1)
          : due.listPage(0, 1);
      if (next.isEmpty()) {
        return;
      }
      management.executeJob(next.get(0).getId());
    }
    throw new IllegalStateException("More than " + MAX_JOBS + " jobs in one step");
  }

  /** Runs the run's one job that has retries left, due or not; a failure is recorded by the engine (retries, then an incident). */
  public static void attempt(ManagementService management, String processInstanceId) {
    var job = management.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().singleResult();
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException failedAsExpectedSometimes) {
      // the engine has recorded the failure: fewer retries, or an incident
    }
  }
}
