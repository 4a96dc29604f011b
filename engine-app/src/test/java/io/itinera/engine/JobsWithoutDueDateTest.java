package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every job has a due date, which is what the job executor's acquisition takes jobs by. */
@ItineraAppTest
class JobsWithoutDueDateTest {

  private static final String PROCESS = "test-a-queued-step";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  JobsWithoutDueDate jobsWithoutDueDate;
  @Autowired
  JdbcClient jdbc;

  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = TestJourneys.deployOne(repository, PROCESS, Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Go")
        .serviceTask("Task_Step").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("EndEvent_Done")
        .done());
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aQueuedStepIsDueWhenItIsCreated() {
    var step = queueAStep();

    assertThat(step.getDuedate()).isNotNull().isEqualTo(step.getCreateTime());
    assertThat(acquirable()).contains(step.getId());
  }

  @Test
  void aStepQueuedWithoutADueDateGetsOneWhenTheEngineStartsAndIsThenTaken() {
    var step = queueAStep();
    // As an earlier release, without ensureJobDueDateNotNull, left it.
    jdbc.sql("UPDATE act_ru_job SET duedate_ = NULL WHERE id_ = ?").param(step.getId()).update();
    assertThat(acquirable()).doesNotContain(step.getId());

    jobsWithoutDueDate.postProcessEngineBuild(engine);

    assertThat(management.createJobQuery().jobId(step.getId()).singleResult().getDuedate())
        .isEqualTo(step.getCreateTime());
    assertThat(acquirable()).contains(step.getId());
  }

  private Job queueAStep() {
    var run = runtime.startProcessInstanceByKey(PROCESS, "c-" + UUID.randomUUID());
    return management.createJobQuery().processInstanceId(run.getId()).singleResult();
  }

  /** The ids the job executor's acquisition would take now (this test's engine runs no job executor). */
  private List<String> acquirable() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var jobExecutor = configuration.getJobExecutor();
    // As many as are due, so that this test's step, due last, is among them.
    var due = (int) management.createJobQuery().count() + 1;
    var acquired = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor, due));
    var ids = acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    // Give them back: the acquisition locked them for a job executor that will not run them.
    jdbc.sql("UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE id_ IN (:ids)")
        .param("ids", ids.isEmpty() ? List.of("none") : ids).update();
    return ids;
  }
}
