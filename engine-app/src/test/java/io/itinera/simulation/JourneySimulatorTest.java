package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.segment.Segments;
import io.itinera.WebhookReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

/** The simulator through its API: what a run would do, step by step, without doing any of it. */
@ItineraAppTest
class JourneySimulatorTest {

  private static final Map<String, Object> WEBSITE_SIGNUP = Map.of("type", "signup",
      "properties", Map.of("source", "website"));

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;
  @Autowired
  RepositoryService repository;
  @Autowired
  Segments segments;

  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
  }

  @Test
  void showsTheWelcomeSeriesOfAContactWhoSignsUpOnAFridayNightInTokyo() {
    var run = simulate("welcome-series", Map.of(
        "contact", Map.of("id", "ann", "timeZone", "Asia/Tokyo", "attributes", Map.of("firstName", "Ann")),
        "trigger", WEBSITE_SIGNUP,
        "start", "2026-11-27T14:00:00Z"));

    var welcome = entry(run, "Task_SendWelcomeEmail");
    assertThat(welcome.at("/local").asText()).isEqualTo("Fri 2026-11-27 23:00 +09:00 Asia/Tokyo");
    assertThat(welcome.at("/emails/0/subject").asText()).isEqualTo("Welcome aboard, Ann!");
    assertThat(welcome.at("/emails/0/status").asText()).isEqualTo("QUEUED");
    assertThat(welcome.at("/emails/0/reason").asText()).contains("quiet hours");
    assertThat(welcome.at("/emails/0/sendAtLocal").asText()).isEqualTo("Sat 2026-11-28 08:00 +09:00 Asia/Tokyo");
    assertThat(welcome.at("/emails/0/text").asText()).contains("Ann");
    assertThat(welcome.at("/emails/0/html").isMissingNode()).isTrue();
    var wait = entry(run, "Timer_Wait24Hours").at("/waits/0");
    assertThat(wait.at("/until").asText()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(wait.at("/why").asText()).isEqualTo("timer PT24H");
    var decision = entry(run, "Gateway_EngagedRecently").at("/decision");
    assertThat(decision.at("/flow").asText()).isEqualTo("Flow_EngagedNo");
    assertThat(decision.at("/byDefault").asBoolean()).isTrue();
    assertThat(decision.at("/conditions/0/condition").asText()).isEqualTo("${contact.engagedWithin('PT48H')}");
    assertThat(decision.at("/conditions/0/read").toString()).isEqualTo("{\"contact.engagedWithin('PT48H')\":false}");
    assertThat(entry(run, "StartEvent_Signup").at("/waits/0/why").asText()).isEqualTo("time limit P30D");
    assertThat(run.at("/ending/how").asText()).isEqualTo("end");
    assertThat(run.at("/ending/step").asText()).isEqualTo("EndEvent_LowEngagement");
    assertThat(run.at("/ending/at").asText()).isEqualTo("2026-12-01T20:00:00Z");
  }

  @Test
  void aContactWhoEngagedTakesTheEngagedBranchAndTheHtmlIsThereWhenAskedFor() {
    var run = api.post("/api/journeys/{key}/simulate?html=true", Map.of(
        "contact", Map.of("id", "bo", "pastEvents", List.of(Map.of("type", "email_clicked", "ago", "PT1H"))),
        "trigger", WEBSITE_SIGNUP,
        "events", List.of(Map.of("after", "PT20H", "type", "email_opened")),
        "start", "2026-03-04T11:00:00Z"), "welcome-series").getBody();

    assertThat(entry(run, "Gateway_EngagedRecently").at("/decision/flow").asText()).isEqualTo("Flow_EngagedYes");
    assertThat(entry(run, "Task_SendWelcomeEmail").at("/emails/0/html").asText()).contains("<html");
    var opened = StreamSupport.stream(run.at("/timeline").spliterator(), false)
        .filter(entry -> entry.has("event")).findFirst().orElseThrow();
    assertThat(opened.at("/at").asText()).isEqualTo("2026-03-05T07:00:00Z");
    assertThat(opened.at("/event/type").asText()).isEqualTo("email_opened");
  }

  @Test
  void showsTheAbVariantTheContactWouldGetAndTheGoalThatEndsTheRun() {
    var run = simulate("cart-abandonment", Map.of("contact", Map.of("id", "eve"),
        "trigger", Map.of("type", "cart_abandoned", "properties", Map.of("total", 59.9)),
        "events", List.of(Map.of("after", "PT30H", "type", "purchase", "properties", Map.of("revenue", 59.9))),
        "start", "2026-03-04T11:00:00Z"));

    var variant = entry(run, "Task_SplitOffer").at("/variant").asText();
    assertThat(variant).isIn("discount", "free-shipping");
    assertThat(entry(run, "Gateway_WhichOffer").at("/decision/flow").asText())
        .isEqualTo(variant.equals("discount") ? "Flow_Discount" : "Flow_FreeShipping");
    assertThat(run.at("/ending/how").asText()).isEqualTo("goal");
    assertThat(run.at("/ending/at").asText()).isEqualTo("2026-03-05T17:00:00Z");
  }

  @Test
  void refusedEntryIsTheEndingWithTheRule() {
    var run = simulate("welcome-series", Map.of("trigger", Map.of("type", "signup",
        "properties", Map.of("source", "import"))));

    assertThat(run.at("/ending/how").asText()).isEqualTo("not-entered");
    assertThat(run.at("/ending/reason").asText()).contains("${event.source == 'website'} is false");
    assertThat(run.at("/contactId").asText()).isEqualTo("simulated-1");
  }

  @Test
  void recordsTheWebhookRequestWithoutCallingIt() throws IOException {
    try (var crm = WebhookReceiver.start(json)) {
      var run = simulate("test-webhook", Map.of("contact", Map.of("id", "cy"),
          "trigger", Map.of("type", "test_webhook", "properties", Map.of("url", crm.url()))));

      var call = entry(run, "Task_CallCrm");
      assertThat(call.at("/webhooks/0/url").asText()).isEqualTo(crm.url());
      assertThat(call.at("/webhooks/0/headers/Idempotency-Key").asText()).isNotBlank();
      assertThat(call.at("/webhooks/0/headers/Itinera-Signature").asText()).startsWith("t=");
      assertThat(call.at("/webhooks/0/body").asText()).contains("\"contactId\":\"cy\"");
      assertThat(call.at("/variables/crm/status").asInt()).isEqualTo(200);
      assertThat(crm.received()).isEmpty();
    }
  }

  @Test
  void appliesSegmentAndContactChangesToTheSyntheticContactOnly() {
    var run = simulate("test-blocks", Map.of("contact", Map.of("id", "dee", "segments", List.of("leads")),
        "trigger", Map.of("type", "test_blocks")));

    assertThat(entry(run, "Task_AddToVip").at("/contactChanges").toString()).isEqualTo("{\"segments.vip\":true}");
    assertThat(entry(run, "Task_UpdateContact").at("/contactChanges/lifecycleStage").asText()).isEqualTo("customer");
    assertThat(entry(run, "Task_RemoveFromLeads").at("/contactChanges").toString())
        .isEqualTo("{\"segments.leads\":false}");
    assertThat(run.at("/contact/segments").toString()).isEqualTo("[\"vip\"]");
    assertThat(api.get("/api/contacts/{id}", "dee").getStatusCode().value()).isEqualTo(404);
    assertThat(segments.contains("vip", "dee")).isFalse();
  }

  @Test
  void simulatesAJourneyNotDeployedYet() throws IOException {
    var draft = new String(new ClassPathResource("journeys/cart-abandonment.bpmn").getContentAsByteArray(),
        StandardCharsets.UTF_8).replace("id=\"cart-abandonment\"", "id=\"cart-abandonment-draft\"")
        .replace(">PT1H<", ">PT3H<").replace(">cart-offer<", ">cart-offer-draft<");

    var run = api.post("/api/journeys/simulate", Map.of("bpmn", draft, "plan", Map.of(
        "trigger", Map.of("type", "cart_abandoned", "properties", Map.of("total", 59.9)),
        "start", "2026-03-04T11:00:00Z"))).getBody();

    assertThat(run.at("/journey").asText()).as(run.toString()).isEqualTo("cart-abandonment-draft");
    assertThat(run.at("/version").asInt()).isZero();
    assertThat(entry(run, "Timer_Wait1Hour").at("/waits/0/until").asText()).isEqualTo("2026-03-04T14:00:00Z");
    assertThat(api.get("/api/journeys").getBody().toString()).doesNotContain("cart-abandonment-draft");
  }

  @Test
  void endsARunThatOutlastsTheJourneysTimeLimitThere() throws IOException {
    var slow = new String(new ClassPathResource("journeys/welcome-series.bpmn").getContentAsByteArray(),
        StandardCharsets.UTF_8).replace("id=\"welcome-series\"", "id=\"welcome-series-slow\"")
        .replace(">PT72H<", ">P40D<");

    var run = api.post("/api/journeys/simulate", Map.of("bpmn", slow, "plan", Map.of(
        "trigger", WEBSITE_SIGNUP, "start", "2026-03-04T11:00:00Z", "horizon", "P60D"))).getBody();

    assertThat(run.at("/ending/how").asText()).as(run.toString()).isEqualTo("time-limit");
    assertThat(run.at("/ending/at").asText()).isEqualTo("2026-04-03T11:00:00Z");
    assertThat(run.at("/ending/reason").asText()).isEqualTo("30 days in the journey");
  }

  static List<Arguments> badSimulations() {
    var journey = "welcome-series";
    return List.of(
        Arguments.of("unknown journey", "no-such-journey", Map.of("trigger", WEBSITE_SIGNUP), "journey"),
        Arguments.of("no trigger", journey, Map.of(), "trigger"),
        Arguments.of("trigger that starts nothing", journey, Map.of("trigger", Map.of("type", "purchase")),
            "trigger.type"),
        Arguments.of("misspelt event type", journey, Map.of("trigger", WEBSITE_SIGNUP,
            "events", List.of(Map.of("after", "PT1H", "type", "email_openned"))), "events[0].type"),
        Arguments.of("malformed offset", journey, Map.of("trigger", WEBSITE_SIGNUP,
            "events", List.of(Map.of("after", "soon", "type", "email_opened"))), "events[0].after"),
        Arguments.of("event after the horizon", journey, Map.of("trigger", WEBSITE_SIGNUP, "horizon", "P1D",
            "events", List.of(Map.of("after", "P2D", "type", "email_opened"))), "events[0].after"),
        Arguments.of("start beyond real dates", journey, Map.of("trigger", WEBSITE_SIGNUP,
            "start", "+99999-01-01T00:00:00Z"), "start"),
        Arguments.of("past event ages ago", journey, Map.of("trigger", WEBSITE_SIGNUP,
            "contact", Map.of("pastEvents", List.of(Map.of("type", "email_opened", "ago", "P99999D")))),
            "contact.pastEvents[0].ago"),
        Arguments.of("horizon too long", journey, Map.of("trigger", WEBSITE_SIGNUP, "horizon", "P1000D"), "horizon"),
        Arguments.of("unknown time zone", journey, Map.of("trigger", WEBSITE_SIGNUP,
            "contact", Map.of("timeZone", "Mars/Olympus")), "contact.timeZone"),
        Arguments.of("misspelt field", journey, Map.of("trigger", WEBSITE_SIGNUP, "horizn", "P1D"), "horizn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSimulations")
  void refusesBadInputNamingTheField(String problem, String journey, Map<String, Object> plan, String field) {
    var response = api.post("/api/journeys/{key}/simulate", plan, journey);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
  }

  @Test
  void refusesABpmnFileThatFailsTheJourneyCheck() throws IOException {
    var broken = new String(new ClassPathResource("check-journeys/check-missing-input.bpmn").getContentAsByteArray(),
        StandardCharsets.UTF_8);

    var response = api.post("/api/journeys/simulate", Map.of("bpmn", broken, "plan",
        Map.of("trigger", Map.of("type", "signup"))));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("field").asText()).isEqualTo("bpmn");
    assertThat(response.getBody().get("detail").asText()).contains("journey check");
  }

  private JsonNode simulate(String journey, Map<String, Object> plan) {
    var response = api.post("/api/journeys/{key}/simulate", plan, journey);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody();
  }

  private static JsonNode entry(JsonNode run, String step) {
    var entries = new ArrayList<JsonNode>();
    run.at("/timeline").forEach(entry -> {
      if (step.equals(entry.at("/step").asText())) {
        entries.add(entry);
      }
    });
    assertThat(entries).as("entries of " + step + " in " + run.toPrettyString()).hasSize(1);
    return entries.get(0);
  }
}
