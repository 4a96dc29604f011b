package io.itinera.controlgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraApplication;
import io.itinera.ItineraAppTest;
import io.itinera.OtherNodes;
import io.itinera.TestJourneys;
import io.itinera.TestSends;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * The global control group on an app of its own (half of all contacts held out, a database of its own, so that the
 * shared test context keeps no control group): members walk the journeys but their marketing is recorded as
 * withheld while transactional messages go; the report compares conversions and revenue with everyone else.
 */
class ControlGroupTest {

  private final OtherNodes otherNodes = new OtherNodes();

  @AfterEach
  void restore() {
    EngineTime.reset();
    otherNodes.restoreEngineRegistry();
  }

  @Test
  void withholdsMembersMarketingButNotTransactionalAndComparesTheirConversionsAndRevenue() throws Exception {
    try (var app = appWithAControlGroup()) {
      var port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      var api = new ApiClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
      var management = app.getBean(ManagementService.class);
      var group = app.getBean(ControlGroup.class);
      TestJourneys.deploy(app.getBean(RepositoryService.class));
      EngineTime.freeze();
      var members = new ArrayList<String>();
      var others = new ArrayList<String>();
      for (int i = 0; i < 16; i++) {
        var contact = "cg-" + i;
        (group.isMember(contact) ? members : others).add(contact);
        api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "timezone", "Europe/Berlin"), contact);
        new TestSends(api, management, contact)
            .send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));
      }
      var member = new TestSends(api, management, members.get(0));
      member.send(Map.of("template", "welcome", "category", "transactional"));
      // Everyone else converts, one member does: conversion rates 1 and 1/n, revenue 10 and 5/n per contact.
      others.forEach(contact -> api.track(contact, "purchase", Map.of("value", 10)));
      api.track(members.get(0), "purchase", Map.of("amount", 5));

      var report = api.get("/api/control-group?since={since}", EngineTime.NOON.minus(Duration.ofHours(1))).getBody();

      assertThat(members).hasSizeGreaterThan(1);
      assertThat(others).hasSizeGreaterThan(1);
      assertThat(statuses(member)).containsExactlyInAnyOrder("MARKETING WITHHELD", "TRANSACTIONAL QUEUED");
      assertThat(member.messages("email")).filteredOn(message -> message.get("status").asText().equals("WITHHELD"))
          .singleElement().satisfies(message -> assertThat(message.get("reason").asText())
              .isEqualTo("withheld: the contact is in the global control group"));
      assertThat(statuses(new TestSends(api, management, others.get(0)))).containsExactly("MARKETING QUEUED");
      assertThat(report.at("/share").asDouble()).isEqualTo(0.5);
      assertThat(report.at("/members/contacts").asInt()).isEqualTo(members.size());
      assertThat(report.at("/members/converted").asInt()).isEqualTo(1);
      assertThat(report.at("/others/contacts").asInt()).isEqualTo(others.size());
      assertThat(report.at("/others/conversionRate").asDouble()).isEqualTo(1.0);
      assertThat(report.at("/others/revenuePerContact").asDouble()).isEqualTo(10.0);
      assertThat(report.at("/members/revenuePerContact").asDouble()).isEqualTo(5.0 / members.size());
      assertThat(report.at("/conversionRate/difference").asDouble()).isEqualTo(1 - 1.0 / members.size());
      assertThat(report.at("/conversionRate/low").asDouble()).isPositive();
      assertThat(report.at("/revenuePerContact/difference").asDouble()).isEqualTo(10 - 5.0 / members.size());
      assertThat(report.at("/revenuePerContact/low").asDouble()).isLessThan(report.at("/revenuePerContact/difference")
          .asDouble());
      assertThat(api.get("/api/control-group?since=yesterday").getBody().get("field").asText()).isEqualTo("since");
      assertThat(api.get("/api/control-group?since=yesterday").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
  }

  private static List<String> statuses(TestSends sends) {
    return sends.messages("email").stream()
        .map(message -> message.get("category").asText() + " " + message.get("status").asText()).toList();
  }

  /** The app with half of all contacts in the control group, on a database of its own. */
  private static ConfigurableApplicationContext appWithAControlGroup() throws IOException {
    return new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=jdbc:h2:mem:itinera-control-group;DB_CLOSE_DELAY=-1",
        "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-control-group"),
        "--camunda.bpm.process-engine-name=control-group",
        "--ITINERA_API_KEYS=" + ItineraAppTest.API_KEY, "--itinera.mail-sink.smtp-port=0",
        "--itinera.sms-sink.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--itinera.email.dispatch.enabled=false", "--itinera.sms.dispatch.enabled=false",
        "--itinera.push.dispatch.enabled=false",
        "--itinera.control-group.share=0.5", "--itinera.control-group.salt=control-group-test",
        // Cockpit keeps its set-up in static fields: a second one in this JVM would leave the shared context's broken.
        "--camunda.bpm.webapp.enabled=false");
  }
}
