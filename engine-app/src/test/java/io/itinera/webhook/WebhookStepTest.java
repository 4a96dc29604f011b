package io.itinera.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer receiver;
  private ApiClient api;

  /** One request as the receiver saw it, and whether its signature checked out. */
  record Received(String method, JsonNode body, String idempotencyKey, boolean signatureValid) {
  }

  @BeforeEach
  void setUp() throws Exception {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks/crm", exchange -> {
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestMethod(), json.readTree(body),
          exchange.getRequestHeaders().getFirst("Idempotency-Key"),
          signatureValid(exchange.getRequestHeaders().getFirst("Itinera-Signature"), body)));
      var answer = status.get() == 200 ? "{\"id\": \"crm-42\", \"tier\": \"gold\", \"secret\": \"x\"}"
          : "{\"error\": \"the CRM is having a bad day\"}";
      var bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status.get(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void postsASignedPayloadAndKeepsTheChosenFieldsOfTheAnswer() {
    var run = start(url());

    execute(run);

    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.signatureValid()).isTrue();
      assertThat(request.idempotencyKey()).isEqualTo(run + ":Task_CallCrm");
      assertThat(request.body().get("contactId").asText()).startsWith(contact);
      assertThat(request.body().get("journey").asText()).isEqualTo("test-webhook");
      assertThat(request.body().get("step").asText()).isEqualTo("Task_CallCrm");
      assertThat(request.body().get("plan").asText()).isEqualTo("pro");
    });
    assertThat(runtime.getVariable(run, "crm")).isEqualTo(Map.of("status", 200, "id", "crm-42", "tier", "gold"));
  }

  @Test
  void retriesAServerErrorWithTheSameIdempotencyKeyThenRaisesAnIncident() {
    status.set(503);
    var run = start(url());

    for (int attempt = 0; attempt < 3; attempt++) {
      execute(run);
    }

    assertThat(received).hasSize(3).extracting(Received::idempotencyKey).containsOnly(run + ":Task_CallCrm");
    assertThat(incidentMessage(run)).contains("503").contains("the CRM is having a bad day");
  }

  @Test
  void failsAtOnceWhenTheReceiverRejectsTheRequest() {
    status.set(422);
    var run = start(url());

    execute(run);

    assertThat(received).hasSize(1);
    assertThat(incidentMessage(run)).contains("422");
  }

  @Test
  void refusesInternalAddressesThatAreNotAllowed() {
    var loopbackByName = "http://localhost:" + receiver.getAddress().getPort() + "/hooks/crm";
    var run = start(loopbackByName);
    var metadata = start("http://169.254.169.254/latest/meta-data/");

    execute(run);
    execute(metadata);

    assertThat(received).isEmpty();
    assertThat(incidentMessage(run)).contains("refused").contains("localhost");
    assertThat(incidentMessage(metadata)).contains("refused").contains("169.254.169.254");
  }

  private String start(String url) {
    return api.track(contact + "-" + UUID.randomUUID(), "test_webhook", Map.of("url", url, "plan", "pro"))
        .at("/started/0/processInstanceId").asText();
  }

  private void execute(String run) {
    var job = management.createJobQuery().processInstanceId(run).withRetriesLeft().singleResult();
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException failedAsExpectedSometimes) {
      // the job's failure is recorded by the engine: retries, then an incident
    }
  }

  private String incidentMessage(String run) {
    var incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
    assertThat(incident).as("incident of run %s", run).isNotNull();
    return incident.getIncidentMessage();
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/crm";
  }

  private static boolean signatureValid(String header, String body) {
    try {
      var parts = header.split(",");
      var timestamp = parts[0].substring("t=".length());
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(ItineraAppTest.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      var expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      return parts[1].equals("v1=" + expected);
    } catch (Exception malformed) {
      return false;
    }
  }
}
