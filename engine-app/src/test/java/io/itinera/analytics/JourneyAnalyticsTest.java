package io.itinera.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.outbox.MessageCategory;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxDispatcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Journey statistics move as runs go through a journey; compared before and after, since other tests share it. */
@ItineraAppTest
class JourneyAnalyticsTest {

  private static final Pattern PIXEL = Pattern.compile("src=\"http://localhost:8080(/t/o/[^\"]+)\"");
  private static final Pattern TRACKED_LINK = Pattern.compile("href=\"http://localhost:8080(/t/c/[^\"]+)\"");

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  OutboxDispatcher dispatcher;
  @LocalServerPort
  int port;
  @Autowired
  Outbox outbox;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void listsTheDeployedJourneysWithTheirVersions() {
    var journeys = api.get("/api/journeys").getBody();

    assertThat(journeys).anySatisfy(journey -> {
      assertThat(journey.get("journey").asText()).isEqualTo("welcome-series");
      assertThat(journey.get("name").asText()).isEqualTo("Welcome series");
      assertThat(journey.get("versions")).isNotEmpty();
    });
    assertThat(journeys).extracting(journey -> journey.get("journey").asText())
        .contains("cart-abandonment", "post-purchase", "win-back", "birthday");
  }

  @Test
  void countsEntriesExitsAndPerStepReachedAndSkipped() {
    var before = stats("test-emails");

    for (int run = 0; run < 2; run++) {
      var id = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
      EngineJobs.runDue(management, id);
      EngineTime.advance(Duration.ofHours(1));
    }
    var after = stats("test-emails");

    assertThat(after.get("entries").asLong() - before.get("entries").asLong()).isEqualTo(2);
    assertThat(after.at("/exits/COMPLETED").asLong() - before.at("/exits/COMPLETED").asLong()).isEqualTo(2);
    assertThat(delta(before, after, "Task_SendMarketing", "reached")).isEqualTo(2);
    assertThat(delta(before, after, "Task_SendMarketing", "skipped")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendTransactional", "skipped")).isZero();
    assertThat(delta(before, after, "EndEvent_Done", "reached")).isEqualTo(2);
  }

  @Test
  void countsASendStepsEmailsSentOpenedAndClickedEachOnce() throws Exception {
    TestInbox.dispatch(dispatcher); // what other tests left queued
    var before = stats("test-emails");

    var run = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    TestInbox.dispatch(dispatcher);
    var email = outbox.ofContact(contact).stream()
        .filter(message -> message.category() == MessageCategory.TRANSACTIONAL).findFirst().orElseThrow();
    var pixel = firstMatch(PIXEL, email.html());
    var link = firstMatch(TRACKED_LINK, email.html());
    for (int twice = 0; twice < 2; twice++) {
      assertThat(http.getForEntity(pixel, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(clickWithoutFollowing(link)).isEqualTo(HttpStatus.FOUND.value());
    }
    var after = stats("test-emails");

    assertThat(delta(before, after, "Task_SendTransactional", "sent")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendTransactional", "opened")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendTransactional", "clicked")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendMarketing", "opened")).isZero();
  }

  @Test
  void countsRunsWaitingAndFailedAtAStep() {
    var before = stats("test-webhook");

    var run = api.track(contact, "test_webhook", Map.of("url", "http://169.254.169.254/hook", "plan", "pro"))
        .at("/started/0/processInstanceId").asText();
    var job = management.createJobQuery().processInstanceId(run).singleResult();
    try {
      management.executeJob(job.getId());
    } catch (RuntimeException refused) {
      // an internal address: the step fails at once with an incident
    }
    var after = stats("test-webhook");

    assertThat(delta(before, after, "Task_CallCrm", "waiting")).isEqualTo(1);
    assertThat(delta(before, after, "Task_CallCrm", "failed")).isEqualTo(1);
    assertThat(after.get("active").asLong() - before.get("active").asLong()).isEqualTo(1);
  }

  @Test
  void countsAStepThatARunLeftThroughItsGoalOnce() {
    var before = stats("cart-abandonment");

    api.track(contact, "cart_abandoned", Map.of("total", 59.9));
    api.track(contact, "purchase", Map.of("orderId", "o-1", "revenue", 59.9));
    var after = stats("cart-abandonment");

    assertThat(delta(before, after, "Timer_Wait1Hour", "reached")).isEqualTo(1);
    assertThat(delta(before, after, "Timer_Wait1Hour", "waiting")).isZero();
    assertThat(delta(before, after, "EndEvent_Purchased", "reached")).isEqualTo(1);
  }

  @Test
  void countsARunHeldAtAnAsynchronousStepAsReached() {
    var before = stats("cart-abandonment");

    var run = api.track(contact, "cart_abandoned", Map.of("total", 59.9)).at("/started/0/processInstanceId").asText();
    EngineTime.advance(Duration.ofHours(1).plusMinutes(1));
    management.executeJob(management.createJobQuery().processInstanceId(run).timers().singleResult().getId());
    var after = stats("cart-abandonment");

    assertThat(delta(before, after, "Timer_Wait1Hour", "reached")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendReminder", "reached")).isEqualTo(1);
    assertThat(delta(before, after, "Task_SendReminder", "waiting")).isEqualTo(1);
  }

  @Test
  void listsStepsInFlowOrderFromTheStartEvent() {
    var steps = stats("cart-abandonment").get("steps");

    assertThat(steps).extracting(step -> step.get("activityId").asText()).containsSubsequence(
        "StartEvent_CartAbandoned", "Timer_Wait1Hour", "Task_SendReminder", "Timer_Wait24Hours", "Task_SplitOffer",
        "Gateway_WhichOffer", "Task_SendDiscount", "Gateway_OfferSent", "Timer_Wait48Hours",
        "Task_SendLastReminder", "EndEvent_NoPurchase", "StartEvent_Purchase", "EndEvent_Purchased");
    assertThat(steps.get(0).get("activityId").asText()).isEqualTo("StartEvent_CartAbandoned");
  }

  @Test
  void answersNotFoundForAnUnknownJourney() {
    assertThat(api.get("/api/journeys/{key}/stats", "no-such-journey").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** The click's redirect leads off this machine: only its answer is read, never followed. */
  private int clickWithoutFollowing(String path) throws Exception {
    var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String firstMatch(Pattern pattern, String html) {
    var match = pattern.matcher(html);
    assertThat(match.find()).as("%s in %s", pattern, html).isTrue();
    return match.group(1);
  }

  private JsonNode stats(String journey) {
    return api.get("/api/journeys/{key}/stats", journey).getBody();
  }

  private static long delta(JsonNode before, JsonNode after, String step, String field) {
    return value(after, step, field) - value(before, step, field);
  }

  private static long value(JsonNode stats, String step, String field) {
    for (var node : stats.get("steps")) {
      if (node.get("activityId").asText().equals(step)) {
        return node.get(field).asLong();
      }
    }
    throw new AssertionError("No step " + step + " in " + stats);
  }
}
