package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code contact} and {@code events} in journey expressions: the contact of the run, read fresh. */
@ItineraAppTest
class JourneyExpressionsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  HistoryService historyService;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void seesTheContactOfTheRunAsStoredNow() {
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com", "attributes", Map.of("plan", "pro")), contact);
    api.track(contact, "email_clicked", Map.of());
    jdbc.sql("INSERT INTO segment_membership (segment, contact_id, added_at) VALUES ('vip', ?, ?)")
        .params(contact, OffsetDateTime.now(ZoneOffset.UTC)).update();

    var run = look();

    assertThat(runtime.getVariable(run, "seenScore")).isEqualTo(3.0);
    assertThat(runtime.getVariable(run, "seenPlan")).isEqualTo("pro");
    assertThat(runtime.getVariable(run, "seenVip")).isEqualTo(true);
    assertThat(runtime.getVariable(run, "seenEngaged")).isEqualTo(true);
  }

  @Test
  void seesAnEngagementOnlyWithinItsWindow() {
    api.track(contact, "email_opened", Map.of());
    EngineTime.advance(Duration.ofHours(49));

    var run = look();

    assertThat(runtime.getVariable(run, "seenEngaged")).isEqualTo(false);
    assertThat(runtime.getVariable(run, "seenVip")).isEqualTo(false);
  }

  @Test
  void countsEventsInAWindowAndSeesSequences() {
    api.track(contact, "page_viewed", Map.of());
    EngineTime.advance(Duration.ofHours(25));
    api.track(contact, "page_viewed", Map.of());
    api.track(contact, "page_viewed", Map.of());
    api.track(contact, "product_viewed", Map.of());
    EngineTime.advance(Duration.ofMinutes(10));
    api.track(contact, "cart_added", Map.of());

    var run = look();

    assertThat(runtime.getVariable(run, "seenPageViews")).isEqualTo(2);
    assertThat(runtime.getVariable(run, "seenSequence")).isEqualTo(true);
    assertThat(runtime.getVariable(run, "seenInactive")).isEqualTo(false);
  }

  @Test
  void seesNoSequenceWhenTheOrderIsWrongOrTheWindowTooShort() {
    api.track(contact, "cart_added", Map.of());
    EngineTime.advance(Duration.ofMinutes(5));
    api.track(contact, "product_viewed", Map.of());
    EngineTime.advance(Duration.ofMinutes(70));
    api.track(contact, "cart_added", Map.of());

    var run = look();

    assertThat(runtime.getVariable(run, "seenSequence")).isEqualTo(false);
  }

  @Test
  void seesInactivityAfterThirtyDaysOfSilence() {
    api.track(contact, "page_viewed", Map.of());
    EngineTime.advance(Duration.ofDays(31));

    var run = runtime.createMessageCorrelation("test_look").processInstanceBusinessKey(contact)
        .correlateStartMessage().getId();

    assertThat(runtime.getVariable(run, "seenInactive")).isEqualTo(true);
  }

  @Test
  void waitsUntilTheContactBecomesACustomer() {
    api.put("/api/contacts/{id}", Map.of("lifecycleStage", "trial"), contact);
    var run = api.track(contact, "test_trial_started", Map.of()).at("/started/0/processInstanceId").asText();

    api.put("/api/contacts/{id}", Map.of("attributes", Map.of("seats", 3)), contact);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).isOne();
    api.put("/api/contacts/{id}", Map.of("lifecycleStage", "customer"), contact);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run)
        .activityId("EndEvent_Customer").count()).isOne();
  }

  /** Starts the journey through the engine, as a REST caller would, so no event of its own is stored. */
  private String look() {
    return runtime.createMessageCorrelation("test_look").processInstanceBusinessKey(contact)
        .correlateStartMessage().getId();
  }
}
