package io.itinera.journeys;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves a journey through time the way the job executor would: by the engine clock and due jobs. */
final class JourneyDriver {

  private static final int MAX_JOBS_PER_STEP = 100;

  private final ManagementService management;

  JourneyDriver(ManagementService management) {
    this.management = management;
  }

  /** Advances the engine clock and runs every job that is then due, including the jobs those create. */
  void passTime(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    runDueJobs();
  }

  void runDueJobs() {
    runDueJobs(null);
  }

  /**
   * Like {@link #passTime(Duration)}, but runs only the due jobs of one run: the timer start event of a
   * scheduler (every day, every hour) stays put while a contact's run waits.
   */
  void passTime(Duration duration, String processInstanceId) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    runDueJobs(processInstanceId);
  }

  /** Runs the due jobs of one run, or of every run when {@code processInstanceId} is null. */
  void runDueJobs(String processInstanceId) {
    for (int executed = 0; executed < MAX_JOBS_PER_STEP; executed++) {
      var query = management.createJobQuery().executable();
      var due = (processInstanceId == null ? query : query.processInstanceId(processInstanceId)).listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("More than " + MAX_JOBS_PER_STEP + " jobs in one step: a loop in the journey?");
  }

  /** Runs the one job of this activity that is due now, leaving every other job alone. */
  void runDueJob(String activityId) {
    var job = management.createJobQuery().activityId(activityId).executable().singleResult();
    if (job == null) {
      throw new IllegalStateException("No job of " + activityId + " is due at " + ClockUtil.getCurrentTime());
    }
    management.executeJob(job.getId());
  }

  Date dueDateOfTimer(String processInstanceId, String activityId) {
    return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .singleResult().getDuedate();
  }
}
