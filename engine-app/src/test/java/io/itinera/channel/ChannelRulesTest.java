package io.itinera.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.TestSends;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The rules every marketing send obeys across channels, through real journeys and the outboxes: spacing
 * between channels, suppression by topic, the frequency cap over all channels, the best-channel step and the
 * contact's channel order, and a withdrawal that takes back what quiet hours hold. The defaults apply: email
 * keeps 2 h, SMS 6 h; at most 3 marketing messages in 7 calendar days; a topic keeps other channels quiet 12 h.
 */
@ItineraAppTest
class ChannelRulesTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    var phone = "+4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000)) + "2";
    var created = api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "phone", phone,
        "timezone", "Europe/Berlin", "smsConsent", Map.of("status", "granted", "source", "checkout-form")), contact);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void skipsAnSmsWithinSixHoursOfAnEmailNamingTheRuleAndSendsItOnceTheyHavePassed() {
    send(Map.of("template", "welcome", "category", "marketing"));
    EngineTime.advance(Duration.ofHours(1));
    send(Map.of("text", "20% off today", "category", "marketing"));
    EngineTime.advance(Duration.ofHours(5));
    send(Map.of("text", "20% off today", "category", "marketing"));

    assertThat(messages("sms")).extracting(message -> message.get("status").asText())
        .containsExactly("SKIPPED", "QUEUED");
    assertThat(messages("sms").get(0).get("reason").asText())
        .isEqualTo("spacing: an email message went out PT1H before this one, and SMS keeps PT6H from any other message");
  }

  @Test
  void keepsOtherChannelsQuietAboutATopicButNotAboutAnother() {
    send(Map.of("text", "Your cart misses you", "category", "marketing", "topic", "cart"));
    EngineTime.advance(Duration.ofHours(7));
    send(Map.of("template", "welcome", "category", "marketing", "topic", "cart"));
    send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));

    assertThat(messages("email")).extracting(message -> message.get("status").asText())
        .containsExactlyInAnyOrder("QUEUED", "SKIPPED");
    assertThat(skipped("email").get("reason").asText()).isEqualTo("topic 'cart': an SMS message about it"
        + " went out PT7H before this one, within the PT12H one topic keeps other channels quiet");
  }

  @Test
  void capsMarketingOverAllChannelsTogetherWhileTransactionalStillGoes() {
    send(Map.of("template", "welcome", "category", "marketing"));
    EngineTime.advance(Duration.ofHours(6));
    send(Map.of("text", "Offer one", "category", "marketing"));
    EngineTime.advance(Duration.ofHours(2));
    send(Map.of("template", "welcome", "category", "marketing"));
    // 02:00 in Berlin: the quiet hours would hold it until 08:00, 12 hours after the last message.
    EngineTime.advance(Duration.ofHours(6));
    send(Map.of("text", "Offer two", "category", "marketing"));
    send(Map.of("text", "Your code is 123456", "category", "transactional"));

    assertThat(messages("sms")).extracting(message -> message.get("status").asText())
        .containsExactlyInAnyOrder("QUEUED", "SKIPPED", "QUEUED");
    assertThat(skipped("sms").get("category").asText()).isEqualTo("MARKETING");
    assertThat(skipped("sms").get("reason").asText())
        .isEqualTo("frequency rule 'all-channels-weekly' (at most 3 in 7 calendar days on all channels): 3 already"
            + " counted in a window that holds this one");
  }

  @Test
  void sendsOnTheFirstChannelInTheContactsOrderThatItCanGetAndRecordsWhich() {
    api.put("/api/contacts/{id}", Map.of("channels", List.of(Map.of("channel", "sms"), Map.of("channel", "email"))),
        contact);
    var first = send(Map.of("template", "welcome", "text", "Hello by SMS", "category", "marketing"));
    EngineTime.advance(Duration.ofHours(7));
    api.put("/api/contacts/{id}", Map.of("smsConsent", Map.of("status", "withdrawn", "source", "app-settings")),
        contact);
    var second = send(Map.of("template", "welcome", "text", "Hello by SMS", "category", "marketing"));

    assertThat(variables(first)).containsEntry("lastBestChannel", "sms").containsEntry("lastBestChannelStatus", "QUEUED");
    assertThat(variables(second)).containsEntry("lastBestChannel", "email")
        .containsEntry("lastBestChannelReason", "passed over sms: the contact withdrew SMS consent (app-settings, "
            + EngineTime.NOON.plus(Duration.ofHours(7)) + ")");
    assertThat(messages("sms")).singleElement().satisfies(sms -> assertThat(sms.get("text").asText()).isEqualTo("Hello by SMS"));
    assertThat(messages("email")).singleElement().satisfies(email -> assertThat(email.get("status").asText()).isEqualTo("QUEUED"));
  }

  @Test
  void pushesToAContactWhoPrefersPushAndKeepsTheNextSmsSixHoursAway() {
    var admin = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
    var browser = admin.postForEntity("/push-sink/subscriptions", null, Map.class).getBody();
    assertThat(api.post("/api/contacts/{id}/push-subscriptions", browser, contact).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    api.put("/api/contacts/{id}", Map.of("channels", List.of(Map.of("channel", "push"), Map.of("channel", "email"))),
        contact);

    var run = send(Map.of("title", "Your cart", "body", "is waiting", "template", "welcome", "text", "Your cart waits",
        "category", "marketing"));
    EngineTime.advance(Duration.ofHours(3));
    send(Map.of("text", "Your cart waits", "category", "marketing"));

    assertThat(variables(run)).containsEntry("lastBestChannel", "push").containsEntry("lastBestChannelReason", null);
    assertThat(messages("push")).singleElement().satisfies(push -> assertThat(push.get("status").asText())
        .isEqualTo("QUEUED"));
    assertThat(messages("email")).isEmpty();
    assertThat(skipped("sms").get("reason").asText())
        .isEqualTo("spacing: a push message went out PT3H before this one, and SMS keeps PT6H from any other message");
  }

  @Test
  void recordsTheSkipOnTheFirstOfferedChannelWhenTheContactCanGetNone() {
    api.put("/api/contacts/{id}", Map.of("channels", List.of(
        Map.of("channel", "email", "consent", Map.of("status", "withdrawn", "source", "preference-form")),
        Map.of("channel", "sms", "consent", Map.of("status", "withdrawn", "source", "preference-form")))), contact);

    var run = send(Map.of("template", "welcome", "text", "Hello by SMS", "category", "marketing"));

    assertThat(variables(run)).containsEntry("lastBestChannel", null).containsEntry("lastBestChannelStatus", "SKIPPED")
        .containsEntry("lastBestChannelReason", "no channel the contact can get (email: the contact unsubscribed;"
            + " sms: the contact withdrew SMS consent (preference-form, " + EngineTime.NOON + "))");
    assertThat(messages("email")).singleElement().satisfies(email -> {
      assertThat(email.get("status").asText()).isEqualTo("SKIPPED");
      assertThat(email.get("reason").asText()).isEqualTo("the contact unsubscribed");
    });
    assertThat(messages("sms")).isEmpty();
  }

  @Test
  void aWithdrawalTakesBackTheMarketingThatQuietHoursHoldButNotTransactional() {
    // 23:00 in Berlin: marketing waits until 08:00.
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-03-04T22:00:00Z")));
    send(Map.of("text", "20% off tomorrow", "category", "marketing"));
    send(Map.of("text", "Your code is 123456", "category", "transactional"));
    assertThat(messages("sms")).extracting(message -> message.get("status").asText()).containsOnly("QUEUED");

    api.put("/api/contacts/{id}", Map.of("smsConsent", Map.of("status", "withdrawn", "source", "app-settings")),
        contact);

    var byText = new HashMap<String, JsonNode>();
    messages("sms").forEach(message -> byText.put(message.get("text").asText(), message));
    assertThat(byText.get("20% off tomorrow").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(byText.get("20% off tomorrow").get("reason").asText())
        .isEqualTo("the contact withdrew SMS consent before it went out");
    assertThat(byText.get("Your code is 123456").get("status").asText()).isEqualTo("QUEUED");
  }

  @Test
  void showsTheChannelsInTheContactsOrderWithTheConsentOnEach() {
    var put = api.put("/api/contacts/{id}", Map.of("channels", List.of(
        Map.of("channel", "sms"),
        Map.of("channel", "push", "consent", Map.of("status", "granted", "source", "app")))), contact);

    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
    var channels = api.get("/api/contacts/{id}", contact).getBody().get("channels");
    assertThat(channels).extracting(channel -> channel.get("channel").asText()).containsExactly("sms", "push", "email");
    assertThat(channels.get(0).at("/consent/status").asText()).isEqualTo("granted");
    assertThat(channels.get(0).at("/consent/source").asText()).isEqualTo("checkout-form");
    assertThat(channels.get(1).at("/consent/source").asText()).isEqualTo("app");
    assertThat(channels.get(2).at("/consent/status").asText()).isEqualTo("none");
  }

  @Test
  void unsubscribesAndResubscribesEmailThroughItsConsentKeepingTheEvidence() {
    api.put("/api/contacts/{id}", Map.of("channels", List.of(
        Map.of("channel", "email", "consent", Map.of("status", "withdrawn", "source", "preference-form")))), contact);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText()).isEqualTo("unsubscribed");

    EngineTime.advance(Duration.ofDays(1));
    api.put("/api/contacts/{id}", Map.of("channels", List.of(
        Map.of("channel", "email", "consent", Map.of("status", "granted", "source", "double-opt-in")))), contact);

    var shown = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(shown.get("subscription").asText()).isEqualTo("subscribed");
    assertThat(shown.at("/channels/0/consent/source").asText()).isEqualTo("double-opt-in");
    assertThat(shown.at("/channels/0/consent/at").asText()).isEqualTo(EngineTime.NOON.plus(Duration.ofDays(1)).toString());
  }

  @Test
  void refusesAChannelListedTwiceOrUnknownNamingTheEntry() {
    var twice = api.put("/api/contacts/{id}", Map.of("channels", List.of(Map.of("channel", "sms"),
        Map.of("channel", "sms"))), contact);
    var unknown = api.put("/api/contacts/{id}", Map.of("channels", List.of(Map.of("channel", "fax"))), contact);
    var both = api.put("/api/contacts/{id}", Map.of(
        "smsConsent", Map.of("status", "granted", "source", "form"),
        "channels", List.of(Map.of("channel", "sms", "consent", Map.of("status", "withdrawn", "source", "form")))),
        contact);

    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(twice.getBody().toString()).contains("channels[1].channel").contains("listed twice");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().toString()).contains("channels[0].channel").contains("'email', 'sms' or 'push'");
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(both.getBody().toString()).contains("channels[0].consent");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().at("/channels/0/channel").asText()).isEqualTo("email");
  }

  private String send(Map<String, Object> inputs) {
    return new TestSends(api, management, contact).send(inputs);
  }

  private Map<String, Object> variables(String run) {
    var variables = new HashMap<String, Object>();
    history.createHistoricVariableInstanceQuery().processInstanceId(run).list()
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    return variables;
  }

  private JsonNode skipped(String channel) {
    return messages(channel).stream().filter(message -> message.get("status").asText().equals("SKIPPED"))
        .findFirst().orElseThrow();
  }

  private List<JsonNode> messages(String channel) {
    return new TestSends(api, management, contact).messages(channel);
  }
}
