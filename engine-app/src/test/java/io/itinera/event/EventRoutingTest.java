package io.itinera.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.journey.ConditionEvaluator;
import io.itinera.journey.Enrolment;
import io.itinera.journey.EnrolmentStatus;
import io.itinera.journey.JourneyEnrolments;
import io.itinera.journey.JourneyVariables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Events in through the API, journeys started and steered: the trigger router end to end. */
@ItineraAppTest
class EventRoutingTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JourneyEnrolments enrolments;
  @Autowired
  HistoryService history;
  @Autowired
  ConditionEvaluator conditions;
  @Autowired
  ObjectMapper json;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  /** Cockpit reads variables through the engine REST API: the event must come out as JSON, not a Java type. */
  @Test
  void storesTheTriggerEventAsJsonThatCockpitShowsAsIs() throws Exception {
    var run = api.track(contact, "signup", Map.of("source", "website", "plan", "pro", "seats", 3))
        .at("/started/0/processInstanceId").asText();

    var variable = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD).getForObject(
        "/engine-rest/process-instance/{id}/variables/event?deserializeValue=false", JsonNode.class, run);
    var historic = history.createHistoricVariableInstanceQuery().processInstanceId(run).variableName("event")
        .singleResult();

    assertThat(variable.get("type").asText()).isEqualTo("Json");
    assertThat(json.readTree(variable.get("value").asText()))
        .isEqualTo(json.readTree("{\"source\":\"website\",\"plan\":\"pro\",\"seats\":3}"));
    assertThat(variable.get("valueInfo").has("objectTypeName")).isFalse();
    assertThat(historic.getTypeName()).isEqualTo("json");
  }

  @Test
  void readsTheJsonEventInExpressionsLikeAMap() {
    var run = api.track(contact, "signup", Map.of("source", "website", "plan", "pro"))
        .at("/started/0/processInstanceId").asText();
    var variables = runtime.getVariables(run);

    assertThat(conditions.isTrue("${event.source == 'website' && event['plan'] == 'pro'"
        + " && event.containsKey('plan') && !event.containsKey('optOut') && event.missing == null}",
        contact, variables)).isTrue();
    assertThat(conditions.isTrue("${event.source == 'shop'}", contact, variables)).isFalse();
    assertThat(JourneyVariables.EVENT.from(variables)).contains(Map.of("source", "website", "plan", "pro"));
  }

  @Test
  void startsTheWelcomeSeriesOnceForASignupFromTheWebsite() {
    var first = api.track(contact, "signup", Map.of("source", "website", "email", "new@example.com"));
    var second = api.track(contact, "signup", Map.of("source", "website"));

    assertThat(first.get("contactCreated").asBoolean()).isTrue();
    assertThat(first.at("/started/0/journey").asText()).isEqualTo("welcome-series");
    var run = first.at("/started/0/processInstanceId").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).processInstanceBusinessKey(contact).count())
        .isOne();
    assertThat(JourneyVariables.EVENT.from(runtime.getVariables(run)))
        .contains(Map.of("source", "website", "email", "new@example.com"));
    assertThat(second.get("started")).isEmpty();
    assertThat(second.at("/notStarted/0/journey").asText()).isEqualTo("welcome-series");
    assertThat(second.at("/notStarted/0/rule").asText()).isEqualTo("ACTIVE");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contact).count()).isOne();
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("email").asText()).isEqualTo("new@example.com");
  }

  @Test
  void startsNothingForASignupFromElsewhereAndSaysWhy() {
    var answer = api.track(contact, "signup", Map.of("source", "mobile-app"));

    assertThat(answer.get("started")).isEmpty();
    assertThat(answer.at("/notStarted/0/rule").asText()).isEqualTo("CONDITION");
    assertThat(answer.at("/notStarted/0/reason").asText()).contains("${event.source == 'website'}", "false");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contact).count()).isZero();
  }

  @Test
  void startsOneRunWhenTheSameNewContactSignsUpTwiceAtOnce() throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var barrier = new CyclicBarrier(2);
      Callable<JsonNode> signup = () -> {
        barrier.await(10, TimeUnit.SECONDS);
        return api.track(contact, "signup", Map.of("source", "website"));
      };
      var first = pool.submit(signup);
      var second = pool.submit(signup);

      var answers = List.of(first.get(30, TimeUnit.SECONDS),
          second.get(30, TimeUnit.SECONDS));

      assertThat(answers).filteredOn(answer -> answer.get("started").size() == 1).hasSize(1);
      assertThat(answers).filteredOn(answer -> answer.get("notStarted").size() == 1).hasSize(1);
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contact).count()).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void takesTheSameMessageIdOnlyOnce() {
    var event = Map.<String, Object>of("contactId", contact, "type", "signup", "messageId", "msg-" + contact,
        "properties", Map.of("source", "website"));

    var first = api.post("/api/events", event).getBody();
    var retry = api.post("/api/events", event).getBody();

    assertThat(retry.get("duplicate").asBoolean()).isTrue();
    assertThat(retry.get("eventId").asLong()).isEqualTo(first.get("eventId").asLong());
    assertThat(retry.get("started")).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contact).count()).isOne();
  }

  @Test
  void reachesAnEventBasedGatewayAndCompletesTheRun() {
    var run = api.track(contact, "test_enter", Map.of()).at("/started/0/processInstanceId").asText();

    var reply = api.track(contact, "test_reply", Map.of("text", "yes please"));

    assertThat(reply.at("/reached/0/processInstanceId").asText()).isEqualTo(run);
    assertThat(reply.at("/reached/0/activityId").asText()).isEqualTo("Event_Replied");
    assertThat(enrolments.of("test-goal", contact)).singleElement()
        .returns(EnrolmentStatus.COMPLETED, Enrolment::status);
  }

  @Test
  void endsAWaitingRunOnItsGoalAndCountsAConversion() {
    api.track(contact, "test_enter", Map.of());

    var purchase = api.track(contact, "test_purchase", Map.of("revenue", 49.9));

    assertThat(purchase.at("/reached/0/activityId").asText()).isEqualTo("StartEvent_Purchase");
    assertThat(enrolments.of("test-goal", contact)).singleElement()
        .returns(EnrolmentStatus.CONVERTED, Enrolment::status)
        .returns("test_purchase", Enrolment::goal);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(contact).count()).isZero();
  }

  @Test
  void letsTheContactBackInAfterExitOnlyOnceTheCooldownIsOver() {
    api.track(contact, "test_enter", Map.of());
    api.track(contact, "test_reply", Map.of());

    var tooSoon = api.track(contact, "test_enter", Map.of());
    EngineTime.advance(Duration.ofMinutes(61));
    var later = api.track(contact, "test_enter", Map.of());

    assertThat(tooSoon.get("started")).isEmpty();
    assertThat(tooSoon.at("/notStarted/0/rule").asText()).isEqualTo("COOLDOWN");
    assertThat(later.at("/started/0/journey").asText()).isEqualTo("test-goal");
  }

  @Test
  void refusesAnActiveContactEvenAfterTheCooldownWouldAllowIt() {
    api.track(contact, "test_enter", Map.of());
    EngineTime.advance(Duration.ofHours(2));

    var again = api.track(contact, "test_enter", Map.of());

    assertThat(again.at("/notStarted/0/rule").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void letsAContactIntoANeverAgainJourneyOnlyOnce() {
    var first = api.track(contact, "test_once", Map.of());
    var second = api.track(contact, "test_once", Map.of());

    assertThat(first.at("/started/0/journey").asText()).isEqualTo("test-once");
    assertThat(second.at("/notStarted/0/rule").asText()).isEqualTo("REENTRY");
  }

  @Test
  void startsAConditionalJourneyWhenTheContactBecomesACustomerAndOnlyThen() {
    var lead = api.put("/api/contacts/{id}", Map.of("lifecycleStage", "lead"), contact).getBody();
    var customer = api.put("/api/contacts/{id}", Map.of("lifecycleStage", "customer"), contact).getBody();
    var savedAgain = api.put("/api/contacts/{id}", Map.of("attributes", Map.of("plan", "pro")), contact).getBody();

    assertThat(journeysOf(lead)).doesNotContain("test-became-customer");
    assertThat(journeysOf(customer)).contains("test-became-customer");
    assertThat(journeysOf(savedAgain)).containsOnlyOnce("test-became-customer");
    assertThat(enrolments.of("test-became-customer", contact)).hasSize(1);
  }

  @Test
  void startsAConditionalJourneyForAContactCreatedAsACustomer() {
    var created = api.put("/api/contacts/{id}", Map.of("lifecycleStage", "customer"), contact).getBody();

    assertThat(journeysOf(created)).contains("test-became-customer");
  }

  @Test
  void movesTheEngagementScoreWithOpensAndClicks() {
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com"), contact);

    api.track(contact, "email_opened", Map.of());
    api.track(contact, "email_clicked", Map.of());
    api.track(contact, "page_viewed", Map.of());

    var read = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(read.get("engagementScore").asDouble()).isEqualTo(4.0);
    assertThat(read.get("lastEngagedAt").isNull()).isFalse();
  }

  @Test
  void decaysTheEngagementScoreByHalfEachHalfLife() {
    api.track(contact, "purchase", Map.of());

    EngineTime.advance(Duration.ofDays(14));

    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("engagementScore").asDouble()).isEqualTo(5.0);
  }

  @Test
  void answersEachEventOfABatchOnItsOwn() {
    var good = Map.<String, Object>of("contactId", contact, "type", "signup", "properties", Map.of("source", "website"));
    var missingType = Map.<String, Object>of("contactId", contact, "properties", Map.of());
    var badEmail = Map.<String, Object>of("contactId", contact, "type", "page_viewed",
        "properties", Map.of("email", "nope"));

    var response = api.post("/api/events/batch", Map.of("batch", List.of(good, missingType, badEmail)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var results = response.getBody().get("results");
    assertThat(results.get(0).at("/outcome/started/0/journey").asText()).isEqualTo("welcome-series");
    assertThat(results.get(1).at("/problem/field").asText()).isEqualTo("batch[1].type");
    assertThat(results.get(2).at("/problem/field").asText()).isEqualTo("batch[2].properties.email");
  }

  @Test
  void refusesABatchOfMoreThanAThousandEvents() {
    var event = Map.<String, Object>of("contactId", contact, "type", "page_viewed");
    var tooMany = new ArrayList<Object>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(event);
    }

    var response = api.post("/api/events/batch", Map.of("batch", tooMany));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo("batch");
    assertThat(api.get("/api/contacts/{id}", contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesAnEventWithoutTypeNamingTheField() {
    var body = new HashMap<String, Object>();
    body.put("contactId", contact);

    var response = api.post("/api/events", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo("type");
  }

  private static List<String> journeysOf(JsonNode contact) {
    var journeys = new ArrayList<String>();
    contact.get("journeys").forEach(journey -> journeys.add(journey.get("journey").asText()));
    return journeys;
  }
}
