package io.itinera.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.WebhookReceiver;
import io.itinera.email.OutboxDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * What Prometheus sees move when emails are queued, sent, skipped and bounced, and who may look;
 * and that the Grafana dashboard in ops/grafana queries only metrics a real scrape contains.
 */
@ItineraAppTest
class MetricsTest {

  private static final String WELCOME = "journey=\"welcome-series\"";
  private static final String WELCOME_STEP = "step=\"Task_SendWelcomeEmail\"";
  private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "itinera.json");
  private static final Pattern METRIC = Pattern.compile("\\b(itinera_[a-z_]+|http_server_requests_[a-z_]+)\\b");
  /** Counted on the same path as sent emails (EmailMetrics), but only an SMTP server that refuses makes one. */
  private static final Set<String> NOT_MADE_HERE = Set.of("itinera_emails_failed_total");

  @Autowired
  TestRestTemplate http;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  ObjectMapper json;
  @Autowired
  IdentityService identity;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();
  private final String address = contact + "@example.com";

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    Scrape.ensureUser(identity);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    // What other tests left queued goes out now, so that only this test's emails move the figures.
    TestInbox.dispatch(dispatcher);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void countsAnEmailQueuedByItsStepAndThenSent() {
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin"), contact);
    var before = Scrape.of(http);

    var run = signUp();
    EngineJobs.runDue(management, run);
    var queued = Scrape.of(http);
    TestInbox.dispatch(dispatcher);
    var sent = Scrape.of(http);

    assertThat(queued.sum("itinera_emails_queued_total", WELCOME, WELCOME_STEP))
        .isEqualTo(before.sum("itinera_emails_queued_total", WELCOME, WELCOME_STEP) + 1);
    assertThat(queued.sum("itinera_outbox_waiting")).isEqualTo(before.sum("itinera_outbox_waiting") + 1);
    assertThat(queued.sum("itinera_journey_entries_total", WELCOME))
        .isEqualTo(before.sum("itinera_journey_entries_total", WELCOME) + 1);
    assertThat(sent.sum("itinera_emails_sent_total", WELCOME))
        .isEqualTo(before.sum("itinera_emails_sent_total", WELCOME) + 1);
    assertThat(sent.sum("itinera_outbox_waiting")).isEqualTo(before.sum("itinera_outbox_waiting"));
  }

  @Test
  void countsAnEmailSkippedByItsReasonCode() {
    api.put("/api/contacts/{id}", Map.of("timezone", "Europe/Berlin"), contact);
    var before = Scrape.of(http);

    EngineJobs.runDue(management, signUp());

    var after = Scrape.of(http);
    assertThat(after.sum("itinera_emails_skipped_total", WELCOME, WELCOME_STEP, "reason=\"no_address\""))
        .isEqualTo(before.sum("itinera_emails_skipped_total", WELCOME, WELCOME_STEP, "reason=\"no_address\"") + 1);
    assertThat(after.sum("itinera_emails_queued_total", WELCOME))
        .isEqualTo(before.sum("itinera_emails_queued_total", WELCOME));
  }

  @Test
  void countsBouncesByKindAndComplaints() {
    var before = Scrape.of(http);

    api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "hard", "email", address));
    api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "soft", "email", address));
    api.post("/api/feedback", Map.of("type", "complaint", "email", address));

    var after = Scrape.of(http);
    assertThat(after.sum("itinera_emails_bounced_total", "kind=\"hard\""))
        .isEqualTo(before.sum("itinera_emails_bounced_total", "kind=\"hard\"") + 1);
    assertThat(after.sum("itinera_emails_bounced_total", "kind=\"soft\""))
        .isEqualTo(before.sum("itinera_emails_bounced_total", "kind=\"soft\"") + 1);
    assertThat(after.sum("itinera_emails_complained_total"))
        .isEqualTo(before.sum("itinera_emails_complained_total") + 1);
  }

  @Test
  void countsEntriesRefusalsConversionsAndRevenueOfAJourney() {
    api.put("/api/contacts/{id}", Map.of("email", address), contact);
    var journey = "journey=\"test-goal\"";
    var before = Scrape.of(http);

    api.track(contact, "test_enter", Map.of());
    api.track(contact, "test_enter", Map.of());
    api.track(contact, "test_purchase", Map.of("revenue", 25.5));

    var after = Scrape.of(http);
    assertThat(after.sum("itinera_journey_entries_total", journey))
        .isEqualTo(before.sum("itinera_journey_entries_total", journey) + 1);
    assertThat(after.sum("itinera_journey_refusals_total", journey, "rule=\"active\""))
        .isEqualTo(before.sum("itinera_journey_refusals_total", journey, "rule=\"active\"") + 1);
    assertThat(after.sum("itinera_journey_exits_total", journey, "outcome=\"converted\""))
        .isEqualTo(before.sum("itinera_journey_exits_total", journey, "outcome=\"converted\"") + 1);
    assertThat(after.sum("itinera_journey_conversions_total", journey))
        .isEqualTo(before.sum("itinera_journey_conversions_total", journey) + 1);
    assertThat(after.sum("itinera_journey_revenue_total", journey))
        .isCloseTo(before.sum("itinera_journey_revenue_total", journey) + 25.5, within(0.001));
  }

  @Test
  void countsApiRequestsByStatusWithTheRouteNotThePath() {
    var saved = api.put("/api/contacts/{id}", Map.of("email", address), contact).getStatusCode().value();
    var refused = api.put("/api/contacts/{id}", Map.of("email", "not an address"), contact).getStatusCode().value();
    var contactRoute = "uri=\"/api/contacts/{contactId}\"";

    // The server records a request just after its answer went out: a scrape right after may come first.
    var scrape = Scrape.of(http);
    for (int attempt = 0; attempt < 20 && !scrape.has("http_server_requests_seconds_count", contactRoute,
        "status=\"" + refused + "\""); attempt++) {
      scrape = Scrape.of(http);
    }

    assertThat(refused).isEqualTo(400);
    var series = scrape.text().lines().filter(line -> line.startsWith("http_server_requests_seconds_count")).toList();
    assertThat(scrape.sum("http_server_requests_seconds_count", contactRoute, "status=\"" + saved + "\""))
        .as("%s", series).isPositive();
    assertThat(scrape.sum("http_server_requests_seconds_count", contactRoute, "status=\"" + refused + "\""))
        .as("%s", series).isPositive();
  }

  @Test
  void showsAnIncidentAtOnceAndATimerThatNoJobExecutorTookAsLate() {
    api.put("/api/contacts/{id}", Map.of("email", address), contact);
    var before = Scrape.of(http);

    EngineJobs.attempt(management, api.track(contact, "test_fail_at_once", Map.of("mistake", "template"))
        .at("/started/0/processInstanceId").asText());
    api.track(contact, "test_enter", Map.of());
    EngineTime.advance(Duration.ofDays(3).plusHours(2));

    var after = Scrape.of(http);
    assertThat(after.sum("itinera_incidents_open")).isEqualTo(before.sum("itinera_incidents_open") + 1);
    // Other tests' timers may fall due too when the clock moves: at least this one waits, two hours late.
    assertThat(after.sum("itinera_jobs_due_waiting"))
        .isGreaterThanOrEqualTo(before.sum("itinera_jobs_due_waiting") + 1);
    assertThat(after.sum("itinera_jobs_due_lateness_seconds")).isGreaterThanOrEqualTo(2 * 3600);
    assertThat(after.has("itinera_jobs_executable")).isTrue();
    assertThat(after.has("itinera_outbox_oldest_due_age_seconds")).isTrue();
  }

  @Test
  void labelsNoSeriesWithAContactIdOrAddress() {
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin"), contact);
    EngineJobs.runDue(management, signUp());
    TestInbox.dispatch(dispatcher);
    api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "hard", "email", address));

    var scrape = Scrape.of(http);
    assertThat(scrape.text()).contains("itinera_emails_sent_total").doesNotContain(contact);
  }

  @Test
  void refusesAnAnonymousOrWrongScrape() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // No user that others log in as: Camunda delays a user's next logins after a wrong password.
    assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void dashboardQueriesOnlyMetricsTheAppExports() throws IOException {
    var dashboard = json.readTree(Files.readString(DASHBOARD));
    var queried = new TreeSet<String>();
    dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
      var metric = METRIC.matcher(target.get("expr").asText());
      while (metric.find()) {
        queried.add(metric.group(1));
      }
    }));

    makeEveryKindOfMetric();

    var scrape = Scrape.of(http);
    assertThat(queried).hasSizeGreaterThan(15);
    assertThat(queried).allSatisfy(metric ->
        assertThat(scrape.has(metric) || NOT_MADE_HERE.contains(metric)).as(metric).isTrue());
  }

  /** Emails queued, sent and skipped, a bounce and a complaint, a journey entered twice and converted, a webhook. */
  private void makeEveryKindOfMetric() throws IOException {
    var silent = "c-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin"), contact);
    api.put("/api/contacts/{id}", Map.of("timezone", "Europe/Berlin"), silent);
    EngineJobs.runDue(management, signUp());
    EngineJobs.runDue(management, api.track(silent, "signup", Map.of()).at("/started/0/processInstanceId").asText());
    TestInbox.dispatch(dispatcher);
    api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "hard", "email", "x@example.com"));
    api.post("/api/feedback", Map.of("type", "complaint", "email", "x@example.com"));
    api.track(contact, "test_enter", Map.of());
    api.track(contact, "test_enter", Map.of());
    api.track(contact, "test_purchase", Map.of("revenue", 10));
    try (var receiver = WebhookReceiver.start(json)) {
      EngineJobs.attempt(management, api.track(contact, "test_webhook", Map.of("url", receiver.url(), "plan", "pro"))
          .at("/started/0/processInstanceId").asText());
    }
  }

  private String signUp() {
    return api.track(contact, "signup", Map.of("source", "website")).at("/started/0/processInstanceId").asText();
  }
}
