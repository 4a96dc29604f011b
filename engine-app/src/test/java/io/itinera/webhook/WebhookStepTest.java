package io.itinera.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.WebhookReceiver;
import io.itinera.WebhookReceiver.Received;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The Call webhook step against a real HTTP server on this machine that checks what it receives. */
@ItineraAppTest
class WebhookStepTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  ObjectMapper json;

  private final String contact = "c-" + UUID.randomUUID();
  private WebhookReceiver receiver;
  private ApiClient api;

  @BeforeEach
  void setUp() throws IOException {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    receiver = WebhookReceiver.start(json);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void postsASignedPayloadAndKeepsTheChosenFieldsOfTheAnswer() {
    var run = start(receiver.url(), "pro");

    EngineJobs.attempt(management, run);

    assertThat(receiver.received()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.signatureValid()).isTrue();
      assertThat(request.idempotencyKey()).isEqualTo(run + ":Task_CallCrm");
      assertThat(request.body().get("contactId").asText()).startsWith(contact);
      assertThat(request.body().get("journey").asText()).isEqualTo("test-webhook");
      assertThat(request.body().get("step").asText()).isEqualTo("Task_CallCrm");
      assertThat(request.body().get("plan").asText()).isEqualTo("pro");
      assertThat(request.body().get("source").asText()).isEqualTo("journey");
    });
    assertThat(runtime.getVariable(run, "crm")).isEqualTo(Map.of("status", 200, "id", "crm-42", "tier", "gold"));
  }

  @Test
  void sendsAValueThatLooksLikeJsonAsOneStringAndNoExtraField() {
    var forged = "pro\", \"refund\": \"9999";
    var run = start(receiver.url(), forged);

    EngineJobs.attempt(management, run);

    assertThat(receiver.received()).singleElement().satisfies(request -> {
      assertThat(request.signatureValid()).isTrue();
      assertThat(request.body().get("plan").asText()).isEqualTo(forged);
      assertThat(request.body().has("refund")).isFalse();
      assertThat(request.body().size()).isEqualTo(7); // contactId, journey, step, processInstanceId, sentAt, plan, source
    });
  }

  @Test
  void refusesAPayloadWrittenAsJsonTextAtOnce() {
    var key = "test-webhook-text-" + UUID.randomUUID().toString().substring(0, 8);
    var message = "test_webhook_text_" + key.substring(key.length() - 8);
    var model = Bpmn.createExecutableProcess(key).name("Test: a payload as text").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started").message(message)
        .serviceTask("Task_CallCrm").name("Tell the CRM").camundaAsyncBefore()
        .camundaDelegateExpression("${callWebhookDelegate}")
        .camundaInputParameter("url", receiver.url())
        .camundaInputParameter("payload", "{\"plan\": \"${event.plan}\"}")
        .endEvent("EndEvent_Done").name("Done")
        .done();
    repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    var run = api.track(contact, message, Map.of("plan", "pro")).at("/started/0/processInstanceId").asText();

    EngineJobs.attempt(management, run);

    assertThat(receiver.received()).isEmpty();
    assertThat(incidentMessage(run)).contains("Tell the CRM").contains("'payload' is text");
  }

  @Test
  void retriesAServerErrorWithTheSameIdempotencyKeyThenRaisesAnIncident() {
    receiver.answer(503);
    var run = start(receiver.url(), "pro");

    for (int attempt = 0; attempt < 3; attempt++) {
      EngineJobs.attempt(management, run);
    }

    assertThat(receiver.received()).hasSize(3).extracting(Received::idempotencyKey).containsOnly(run + ":Task_CallCrm");
    assertThat(incidentMessage(run)).contains("503").contains("the CRM is having a bad day");
  }

  @Test
  void failsAtOnceWhenTheReceiverRejectsTheRequest() {
    receiver.answer(422);
    var run = start(receiver.url(), "pro");

    EngineJobs.attempt(management, run);

    assertThat(receiver.received()).hasSize(1);
    assertThat(incidentMessage(run)).contains("422");
  }

  @Test
  void refusesInternalAddressesThatAreNotAllowed() {
    var loopbackByName = "http://localhost:" + receiver.port() + "/hooks/crm";
    var run = start(loopbackByName, "pro");
    var metadata = start("http://169.254.169.254/latest/meta-data/", "pro");

    EngineJobs.attempt(management, run);
    EngineJobs.attempt(management, metadata);

    assertThat(receiver.received()).isEmpty();
    assertThat(incidentMessage(run)).contains("refused").contains("localhost");
    assertThat(incidentMessage(metadata)).contains("refused").contains("169.254.169.254");
  }

  private String start(String url, String plan) {
    return api.track(contact + "-" + UUID.randomUUID(), "test_webhook", Map.of("url", url, "plan", plan))
        .at("/started/0/processInstanceId").asText();
  }

  private String incidentMessage(String run) {
    var incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
    assertThat(incident).as("incident of run %s", run).isNotNull();
    return incident.getIncidentMessage();
  }
}
