package io.itinera.engine;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With {@code ensureJobDueDateNotNull} the job executor takes only jobs that have a due date. Steps queued
 * before that setting (or by a node of an earlier release during a rolling upgrade) have none: each node,
 * when its engine is built and before its job executor starts, gives them the time they were created, so
 * they run in their turn. In a rolling upgrade the node started after the last old one stopped takes the
 * last of them; a job that an old node finished meanwhile is passed over.
 */
@Component
class JobsWithoutDueDate extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobsWithoutDueDate.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var management = engine.getManagementService();
    // The engine's job query cannot ask for a missing due date. Counting first keeps a start from reading a
    // whole backlog of queued steps into memory only to find none: the list is read in an upgrade's window.
    var now = new Date();
    var undated = management.createJobQuery().messages().count()
        - management.createJobQuery().messages().duedateLowerThan(now).count()
        - management.createJobQuery().messages().duedateHigherThenOrEquals(now).count();
    if (undated == 0) {
      return;
    }
    // Timers always have a due date; messages (steps, batches) are the jobs in flight, not the waiting ones.
    var jobs = management.createJobQuery().messages().list().stream()
        .filter(job -> job.getDuedate() == null)
        .toList();
    for (var job : jobs) {
      try {
        management.setJobDuedate(job.getId(), job.getCreateTime() == null ? new Date() : job.getCreateTime());
      } catch (ProcessEngineException goneMeanwhile) {
        log.debug("Job {} was not given a due date: {}", job.getId(), goneMeanwhile.getMessage());
      }
    }
    if (!jobs.isEmpty()) {
      log.info("{} queued jobs had no due date; each now has the time it was created", jobs.size());
    }
  }
}
