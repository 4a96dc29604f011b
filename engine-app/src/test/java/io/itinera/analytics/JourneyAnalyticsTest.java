package io.itinera.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Journey statistics move as runs go through a journey; compared before and after, since other tests share it. */
@ItineraAppTest
class JourneyAnalyticsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

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
  void answersNotFoundForAnUnknownJourney() {
    assertThat(api.get("/api/journeys/{key}/stats", "no-such-journey").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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
