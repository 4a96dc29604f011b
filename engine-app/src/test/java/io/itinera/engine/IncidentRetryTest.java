package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** What ops do in Cockpit when a step failed: fix the cause, retry the step, and the journey goes on now. */
@ItineraAppTest
class IncidentRetryTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;

  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    EngineTime.freeze();
    TestJourneys.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void retryingAFailedStepThroughTheEngineRestApiRunsItNow() {
    var run = startFlakyRun();
    var job = failUntilIncident(run);

    // given ops fixed the cause
    runtime.setVariable(run, "allowed", true);
    // when they retry the step as Cockpit does
    var retried = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD).exchange(
        "/engine-rest/job/{id}/retries", HttpMethod.PUT, new HttpEntity<>(Map.of("retries", 1)), String.class,
        job.getId());

    // then the step is due now, not at the retry cycle's next interval, and the journey goes on
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtime.createIncidentQuery().processInstanceId(run).count()).isZero();
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
    EngineJobs.runDue(management, run);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Done");
  }

  @Test
  void aDueDateGivenWithTheRetryStillWins() {
    var job = failUntilIncident(startFlakyRun());
    var tomorrow = Date.from(EngineTime.now().plus(Duration.ofDays(1)));

    management.setJobRetries(1).jobId(job.getId()).dueDate(tomorrow).execute();

    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate()).isEqualTo(tomorrow);
  }

  private String startFlakyRun() {
    return new ApiClient(http).track(contact, "test_flaky", Map.of()).at("/started/0/processInstanceId").asText();
  }

  /** Runs the step once: its gateway's condition names an unknown variable, which no retry fixes, so the incident comes at once. */
  private Job failUntilIncident(String run) {
    var job = management.createJobQuery().processInstanceId(run).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .hasMessageStartingWith("Gateway 'May go on?' (Gateway_MayGoOn), flow Flow_GoOn: condition ${allowed} failed")
        .hasMessageContaining("allowed");
    assertThat(runtime.createIncidentQuery().processInstanceId(run).count()).isEqualTo(1);
    return job;
  }
}
