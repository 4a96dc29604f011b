package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import io.itinera.segment.Segments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The forecast through its API: an audience of synthetic or real contacts through the welcome series. */
@ItineraAppTest
class AudienceForecastTest {

  private static final Map<String, Object> SIGNUP = Map.of("type", "signup", "properties", Map.of("source", "website"));
  private static final List<String> REAL_TABLES = List.of("contact", "contact_event", "email_message",
      "journey_enrolment", "segment_membership", "suppression", "experiment_assignment", "attribute_name",
      "event_property_name", "ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_HI_PROCINST");

  @Autowired
  TestRestTemplate http;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Segments segments;

  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
  }

  @Test
  void forecastsSyntheticContactsOfWhomAShareOpensTheFirstEmail() {
    var plan = Map.of(
        "contacts", Map.of("synthetic", Map.of("count", 24, "timeZones", List.of("Europe/Berlin", "Asia/Tokyo"),
            "lifecycleStages", List.of("lead"), "engagementScores", Map.of("min", 0, "max", 80))),
        "trigger", SIGNUP,
        "events", List.of(Map.of("after", "PT12H", "type", "email_opened", "share", 0.5)),
        "start", "2026-12-07T09:00:00Z", "horizon", "P40D", "seed", 7);

    var answer = api.post("/api/journeys/{key}/forecast", plan, "welcome-series");

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    var forecast = answer.getBody();
    var reached = reachedByStep(forecast);
    assertThat(forecast.get("contacts").asInt()).isEqualTo(24);
    assertThat(reached.keySet()).startsWith("StartEvent_Signup", "Task_SendWelcomeEmail", "Timer_Wait24Hours",
        "Gateway_EngagedRecently");
    assertThat(reached.get("StartEvent_Signup")).isEqualTo(24);
    // Those who opened within 12 hours wait for business hours, the others 6 hours: about half each, 24 together.
    assertThat(reached.get("Timer_WaitForBusinessHours")).isBetween(4, 20);
    assertThat(reached.get("Timer_WaitForBusinessHours") + reached.get("Timer_Wait6Hours"))
        .isEqualTo(reached.get("Gateway_EngagedRecently")).isEqualTo(24);
    assertThat(reached.getOrDefault("Task_SendSuccessEmail", 0) + reached.getOrDefault("Task_SendNurtureEmail", 0)
        + reached.getOrDefault("Task_SendLowEngagementEmail", 0)).isEqualTo(reached.get("Gateway_EngagementScore"));
    assertThat(sum(forecast.get("endings"))).isEqualTo(24);
    assertThat(sum(forecast.get("endSteps"))).isEqualTo(24);

    var emails = forecast.get("emails");
    assertThat(sum(emails.get("perContact"))).isEqualTo(24);
    var weighted = new ArrayList<Integer>();
    emails.get("perContact").fields().forEachRemaining(bucket ->
        weighted.add(Integer.parseInt(bucket.getKey()) * bucket.getValue().asInt()));
    assertThat(weighted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(emails.get("queued").asInt());
    assertThat(emails.at("/byTemplate/welcome/queued").asInt()).isEqualTo(24);

    var again = api.post("/api/journeys/{key}/forecast", plan, "welcome-series").getBody();
    assertThat(withoutTook(again)).isEqualTo(withoutTook(forecast));
  }

  @Test
  void forecastsRealContactsFromTheirOwnHistoryWithoutWritingToTheRealDatabase() {
    var opener = "forecast-real-" + UUID.randomUUID();
    var quiet = "forecast-real-" + UUID.randomUUID();
    for (var contact : List.of(opener, quiet)) {
      api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "timezone", "Europe/Berlin"), contact);
    }
    var withoutAddress = "forecast-real-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("timezone", "Europe/Berlin"), withoutAddress);
    api.track(opener, "email_opened", Map.of());
    var start = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    var before = rowCounts();

    var answer = api.post("/api/journeys/{key}/forecast", Map.of(
        "contacts", Map.of("ids", List.of(opener, quiet, withoutAddress)), "trigger", SIGNUP,
        "start", start.toString(), "horizon", "P40D"), "welcome-series");

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody().get("contacts").asInt()).isEqualTo(3);
    var reached = reachedByStep(answer.getBody());
    // The opener's real open, a minute before the start, still counts at the 24-hour check; the others never opened.
    assertThat(reached).containsEntry("Timer_WaitForBusinessHours", 1).containsEntry("Timer_Wait6Hours", 2);
    assertThat(answer.getBody().at("/emails/byTemplate/welcome/queued").asInt()).isEqualTo(2);
    assertThat(answer.getBody().at("/emails/byTemplate/welcome/skipped").asInt()).isEqualTo(1);
    assertThat(answer.getBody().at("/emails/perContact/0").asInt()).isEqualTo(1);
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void forecastsTheMembersOfASegmentUpToTheLimit() {
    var segment = "forecast-" + UUID.randomUUID();
    for (int n = 1; n <= 3; n++) {
      var contact = segment + "-" + n;
      api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
      segments.add(segment, contact);
    }

    var answer = api.post("/api/journeys/{key}/forecast", Map.of(
        "contacts", Map.of("segment", segment, "limit", 2), "trigger", SIGNUP, "start", "2026-12-07T09:00:00Z"),
        "welcome-series");

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody().get("contacts").asInt()).isEqualTo(2);
    assertRefused(Map.of("contacts", Map.of("segment", "forecast-empty-" + UUID.randomUUID()), "trigger", SIGNUP),
        "contacts.segment");
  }

  @Test
  void countsContactsTheEntryConditionKeepsOut() {
    var answer = api.post("/api/journeys/{key}/forecast", Map.of(
        "contacts", Map.of("synthetic", Map.of("count", 3)),
        "trigger", Map.of("type", "signup", "properties", Map.of("source", "partner")),
        "start", "2026-12-07T09:00:00Z"), "welcome-series");

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody().at("/endings/not-entered").asInt()).isEqualTo(3);
    assertThat(answer.getBody().at("/notEntered/CONDITION").asInt()).isEqualTo(3);
    assertThat(answer.getBody().at("/emails/queued").asInt()).isZero();
    assertThat(answer.getBody().at("/emails/perContact/0").asInt()).isEqualTo(3);
  }

  @Test
  void refusesATriggerTheJourneyDoesNotStartOnAndThenForecastsAgain() {
    assertRefused(Map.of("contacts", Map.of("synthetic", Map.of("count", 4)),
        "trigger", Map.of("type", "purchase")), "trigger.type");

    var answer = api.post("/api/journeys/{key}/forecast", Map.of(
        "contacts", Map.of("synthetic", Map.of("count", 4)), "trigger", SIGNUP, "start", "2026-12-07T09:00:00Z"),
        "welcome-series");
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody().at("/endings/end").asInt()).isEqualTo(4);
  }

  @Test
  void refusesMoreThanAThousandContacts() {
    var ids = IntStream.rangeClosed(1, 1001).mapToObj(n -> "c-" + n).toList();

    assertRefused(Map.of("contacts", Map.of("ids", ids), "trigger", SIGNUP), "contacts.ids");
    assertRefused(Map.of("contacts", Map.of("synthetic", Map.of("count", 1001)), "trigger", SIGNUP),
        "contacts.synthetic.count");
  }

  @Test
  void refusesUnknownContactIdsNamingThem() {
    var response = assertRefused(Map.of("contacts", Map.of("ids", List.of("forecast-nobody-" + UUID.randomUUID())),
        "trigger", SIGNUP), "contacts.ids");

    assertThat(response.get("detail").asText()).contains("forecast-nobody-");
  }

  @Test
  void refusesTwoSourcesOfContactsAtOnce() {
    assertRefused(Map.of("contacts", Map.of("ids", List.of("c-1"), "synthetic", Map.of("count", 3)),
        "trigger", SIGNUP), "contacts");
    assertRefused(Map.of("contacts", Map.of(), "trigger", SIGNUP), "contacts");
  }

  private JsonNode assertRefused(Map<String, Object> plan, String field) {
    var response = api.post("/api/journeys/{key}/forecast", plan, "welcome-series");
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    return response.getBody();
  }

  private Map<String, Long> rowCounts() {
    var counts = new LinkedHashMap<String, Long>();
    REAL_TABLES.forEach(table -> counts.put(table,
        jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()));
    return counts;
  }

  private static Map<String, Integer> reachedByStep(JsonNode forecast) {
    var reached = new LinkedHashMap<String, Integer>();
    forecast.get("steps").forEach(step -> reached.put(step.get("step").asText(), step.get("reached").asInt()));
    return reached;
  }

  private static int sum(JsonNode counts) {
    var total = 0;
    for (var count : counts) {
      total += count.asInt();
    }
    return total;
  }

  private static JsonNode withoutTook(JsonNode forecast) {
    var copy = forecast.deepCopy();
    ((ObjectNode) copy).remove("took");
    return copy;
  }
}
