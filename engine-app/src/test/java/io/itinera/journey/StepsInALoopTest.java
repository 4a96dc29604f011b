package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.WebhookReceiver;
import io.itinera.WebhookReceiver.Received;
import io.itinera.outbox.MessageStatus;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxDispatcher;
import io.itinera.email.OutboxMessage;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A Send email and a Call webhook step that a journey runs again in a loop: each pass sends, each
 * retry of a pass keeps its idempotency key. The journey's key (40 characters) is too long for
 * Camunda to put it into the definition id, and is still what every record names.
 */
@ItineraAppTest
class StepsInALoopTest {

  private static final String JOURNEY = "test-a-step-in-a-loop-in-a-journey-keyed";

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  Outbox outbox;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  GreenMail smtpServer;
  @Autowired
  ObjectMapper json;

  private final String contact = "c-" + UUID.randomUUID();
  private final String address = contact + "@example.com";
  private ApiClient api;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws IOException {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    receiver = WebhookReceiver.start(json);
    api.put("/api/contacts/{id}", Map.of("email", address), contact);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void theJourneyKeyIsTooLongForTheDefinitionId() {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(JOURNEY).latestVersion()
        .singleResult();

    assertThat(definition.getId()).doesNotContain(JOURNEY);
  }

  @Test
  void sendsTheEmailAndCallsTheWebhookOnEveryPass() {
    var run = start();

    EngineJobs.runDue(management, run);
    api.track(contact, "test_loop_again", Map.of());
    EngineJobs.runDue(management, run);
    TestInbox.dispatch(dispatcher);

    assertThat(TestInbox.of(smtpServer, address)).hasSize(2);
    assertThat(outbox.ofContact(contact)).hasSize(2).allSatisfy(message -> {
      assertThat(message.status()).isEqualTo(MessageStatus.SENT);
      assertThat(message.journeyKey()).isEqualTo(JOURNEY);
    });
    assertThat(receiver.received()).extracting(Received::idempotencyKey)
        .containsExactly(run + ":Task_CallHook", run + ":Task_CallHook:2");
    assertThat(receiver.received()).allSatisfy(request -> {
      assertThat(request.signatureValid()).isTrue();
      assertThat(request.body().get("journey").asText()).isEqualTo(JOURNEY);
    });
    assertThat(api.get("/api/contacts/{id}", contact).getBody().at("/journeys/0/journey").asText()).isEqualTo(JOURNEY);
  }

  @Test
  void aRetriedPassKeepsItsKeyAndTheNextPassGetsANewOne() {
    receiver.answer(500, 200);
    var run = start();

    EngineJobs.attempt(management, run); // the email
    EngineJobs.attempt(management, run); // the webhook: 500
    EngineJobs.attempt(management, run); // its retry: 200
    api.track(contact, "test_loop_again", Map.of());
    EngineJobs.attempt(management, run); // the email again
    EngineJobs.attempt(management, run); // the webhook again: 200

    assertThat(receiver.received()).extracting(Received::idempotencyKey)
        .containsExactly(run + ":Task_CallHook", run + ":Task_CallHook", run + ":Task_CallHook:2");
    assertThat(outbox.ofContact(contact)).extracting(OutboxMessage::status)
        .containsExactly(MessageStatus.QUEUED, MessageStatus.QUEUED);
  }

  private String start() {
    return api.track(contact, "test_loop", Map.of("url", receiver.url())).at("/started/0/processInstanceId").asText();
  }
}
