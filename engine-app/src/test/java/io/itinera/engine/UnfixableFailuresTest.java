package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.WebhookReceiver;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A mistake in a journey that no retry can fix is an incident after the first attempt, on the step,
 * with a message that says where and what to change; a failure that may pass keeps its retries.
 */
@ItineraAppTest
class UnfixableFailuresTest {

  private final ApiClient api;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ObjectMapper json;
  private final String contact = "c-" + UUID.randomUUID();

  @Autowired
  UnfixableFailuresTest(TestRestTemplate http, RepositoryService repository, RuntimeService runtime,
      ManagementService management, ObjectMapper json) {
    this.api = new ApiClient(http);
    this.runtime = runtime;
    this.management = management;
    this.json = json;
    TestJourneys.deploy(repository);
  }

  @BeforeEach
  void createContact() {
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com"), contact);
  }

  @Test
  void aMissingEmailTemplateIsAnIncidentAtOnce() {
    var incident = incidentAfterOneAttempt("template");

    assertThat(incident.getActivityId()).isEqualTo("Task_SendMissingTemplate");
    assertThat(incident.getIncidentMessage())
        .startsWith("Step 'Send the brochure' (Task_SendMissingTemplate): No email template 'no-such-brochure'")
        .endsWith("Set 'Email template' to a template that exists, or fix its files.");
  }

  @Test
  void aMissingInputIsAnIncidentAtOnce() {
    var incident = incidentAfterOneAttempt("input");

    assertThat(incident.getActivityId()).isEqualTo("Task_AddWithoutSegment");
    assertThat(incident.getIncidentMessage())
        .isEqualTo("Step 'Add to a segment nobody named' (Task_AddWithoutSegment) has no input parameter 'segment'");
  }

  @Test
  void anUnknownPropertyInAnInputIsAnIncidentAtOnce() {
    var incident = incidentAfterOneAttempt("property");

    assertThat(incident.getActivityId()).isEqualTo("Task_AddToPlanSegment");
    assertThat(incident.getIncidentMessage())
        .startsWith("Step 'Add to the plan's segment' (Task_AddToPlanSegment): ")
        .contains("${contact.lifecycleStag}")
        .contains("does not have the property 'lifecycleStag'");
  }

  @Test
  void aFailingGatewayConditionNamesTheGatewayAndTheFlow() {
    var incident = incidentAfterOneAttempt("gateway");

    // the condition runs in the job of the step before the gateway, so the incident sits there
    assertThat(incident.getActivityId()).isEqualTo("Task_AddToTried");
    assertThat(incident.getIncidentMessage())
        .startsWith("Gateway 'Engaged recently?' (Gateway_EngagedRecently), flow Flow_Yes: "
            + "condition ${contact.engagedRecently} failed: ")
        .contains("engagedRecently");
  }

  @Test
  void aServerErrorOfAWebhookKeepsItsRetries() throws IOException {
    try (var receiver = WebhookReceiver.start(json)) {
      receiver.answer(503);
      var run = api.track(contact, "test_webhook", Map.of("url", receiver.url(), "plan", "pro"))
          .at("/started/0/processInstanceId").asText();

      EngineJobs.attempt(management, run);

      assertThat(receiver.received()).hasSize(1);
      assertThat(management.createJobQuery().processInstanceId(run).singleResult().getRetries()).isEqualTo(2);
      assertThat(runtime.createIncidentQuery().processInstanceId(run).count()).isZero();
    }
  }

  /** Starts the run that makes this mistake, runs its step once, and returns the incident it raised. */
  private Incident incidentAfterOneAttempt(String mistake) {
    var run = api.track(contact, "test_fail_at_once", Map.of("mistake", mistake))
        .at("/started/0/processInstanceId").asText();

    EngineJobs.attempt(management, run);

    assertThat(management.createJobQuery().processInstanceId(run).singleResult().getRetries()).isZero();
    return runtime.createIncidentQuery().processInstanceId(run).singleResult();
  }
}
