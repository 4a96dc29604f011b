package io.itinera.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineDeployments;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestCrm;
import io.itinera.TestInbox;
import io.itinera.WebhookReceiver;
import io.itinera.check.JourneyCheck;
import io.itinera.email.OutboxDispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A journey an analyst draws in the Modeler from the element templates alone
 * ({@link TemplateBuiltJourney}) is deployed into the running app through the engine REST API and
 * run end to end; {@link JourneyConventionsTest} holds it to the same conventions as the shipped ones.
 */
@ItineraAppTest
class TemplateBuiltJourneyTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ManagementService management;
  @Autowired
  JourneyCheck check;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  GreenMail smtpServer;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void freezeClock() {
    EngineTime.freeze();
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void deploysThroughTheRestApiAndRuns() {
    var journey = deployNewsletterWelcome(TestCrm.url());
    var key = journey.key();
    var message = journey.message();
    var deployed = journey.deployment();
    var contact = "c-" + UUID.randomUUID();
    var api = new ApiClient(http);
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "attributes", Map.of("firstName", "Ann")),
        contact);
    var source = "footer\", \"refund\": \"9999";
    var first = api.track(contact, message, Map.of("source", source));
    EngineJobs.runDue(management, first.at("/started/0/processInstanceId").asText());
    TestInbox.dispatch(dispatcher);
    var second = api.track(contact, message, Map.of());

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.at("/started/0/journey").asText()).isEqualTo(key);
    assertThat(second.at("/notStarted/0/rule").asText()).isEqualTo("REENTRY");
    assertThat(TestInbox.of(smtpServer, contact + "@example.com")).hasSize(1);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("segments").toString()).contains("newsletter");
    assertThat(TestCrm.received()).map(json::readTree).filteredOn(body -> body.path("contactId").asText().equals(contact))
        .singleElement().satisfies(body -> {
          assertThat(body.path("source").asText()).isEqualTo(source);
          assertThat(body.path("list").asText()).isEqualTo("newsletter");
          assertThat(body.has("refund")).isFalse();
        });
  }

  @Test
  void passesTheJourneyCheckWithoutWarnings() {
    var model = TemplateBuiltJourney.newsletterWelcome("from-templates-checked", "newsletter_signup_checked",
        TestCrm.url());

    var findings = check.examine(new ByteArrayInputStream(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));

    assertThat(findings.errors()).isEmpty();
    assertThat(findings.warnings()).isEmpty();
  }

  @Test
  void retriesAStepThatMayPassByTheAppsDefaultRetryCycle() throws IOException {
    try (var crm = WebhookReceiver.start(json)) {
      crm.answer(503);
      var message = deployNewsletterWelcome(crm.url()).message();
      var api = new ApiClient(http);
      var contact = "c-" + UUID.randomUUID();
      api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
      var run = api.track(contact, message, Map.of()).at("/started/0/processInstanceId").asText();

      EngineJobs.attempt(management, run); // Send welcome email
      EngineJobs.attempt(management, run); // Add to newsletter
      EngineJobs.attempt(management, run); // Tell the CRM: 503

      // no retry cycle of its own (the templates cannot set one): application.yaml's R3/PT5M applies
      var job = management.createJobQuery().processInstanceId(run).singleResult();
      assertThat(crm.received()).hasSize(1);
      assertThat(job.getRetries()).isEqualTo(2);
      assertThat(job.getDuedate()).isEqualTo(Date.from(EngineTime.now().plus(Duration.ofMinutes(5))));
    }
  }

  /** A journey deployed from the templates alone, under its own key and start message. */
  private record Deployed(String key, String message, ResponseEntity<JsonNode> deployment) {
  }

  private Deployed deployNewsletterWelcome(String crmUrl) {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var key = "from-templates-" + suffix;
    var message = "newsletter_signup_" + suffix;
    var model = TemplateBuiltJourney.newsletterWelcome(key, message, crmUrl);
    return new Deployed(key, message, EngineDeployments.create(http, key + ".bpmn",
        Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
  }
}
