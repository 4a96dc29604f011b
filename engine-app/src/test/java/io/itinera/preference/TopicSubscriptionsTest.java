package io.itinera.preference;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.TestSends;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Topics as subscription groups, through real journeys, the contact API and the outboxes: the configured topics
 * are newsletter, product-updates and cart (opt-out) and offers (opt-in); a send about a topic the contact left on
 * its channel, or an opt-in topic it never joined, is skipped with the reason; joining again is recorded with its
 * source and time.
 */
@ItineraAppTest
class TopicSubscriptionsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  private ApiClient api;
  private TestSends sends;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    sends = new TestSends(api, management, contact);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    assertThat(sends.createContact(3).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void skipsTheChannelOnWhichTheContactLeftTheTopicAndSendsOnTheOther() {
    var put = api.put("/api/contacts/{id}", Map.of("topics", Map.of("newsletter", Map.of("email", false)),
        "topicsSource", "app-settings"), contact);
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);

    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));
    EngineTime.advance(Duration.ofDays(1));
    sends.send(Map.of("text", "Our March news", "category", "marketing", "topic", "newsletter"));

    assertThat(sends.last("email").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(sends.last("email").get("reason").asText())
        .isEqualTo("the contact left topic 'newsletter' on email (app-settings, " + EngineTime.NOON + ")");
    assertThat(sends.last("sms").get("status").asText()).isEqualTo("QUEUED");
  }

  @Test
  void takesBackAnEmailQuietHoursHoldWhenTheContactLeavesItsTopic() {
    // 23:00 in Berlin: marketing waits until 08:00.
    EngineTime.advance(Duration.ofHours(11));
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));
    assertThat(sends.last("email").get("status").asText()).isEqualTo("QUEUED");

    api.put("/api/contacts/{id}", Map.of("topics", Map.of("product-updates", Map.of("email", false)),
        "topicsSource", "app-settings"), contact);
    assertThat(sends.last("email").get("status").asText()).isEqualTo("QUEUED");
    api.put("/api/contacts/{id}", Map.of("topics", Map.of("newsletter", Map.of("email", false)),
        "topicsSource", "app-settings"), contact);

    assertThat(sends.last("email").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(sends.last("email").get("reason").asText())
        .isEqualTo("the contact left topic 'newsletter' on email before it went out");
  }

  @Test
  void sendsAnOptInTopicOnlyOnceJoinedAndKeepsTheEvidenceOfLeavingAndJoiningAgain() {
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "offers"));
    assertThat(sends.last("email").get("reason").asText())
        .isEqualTo("topic 'offers' is opt-in and the contact never joined it on email");

    EngineTime.advance(Duration.ofDays(1));
    api.put("/api/contacts/{id}", Map.of("topics", Map.of("offers", Map.of("email", false)),
        "topicsSource", "unsubscribe-link"), contact);
    EngineTime.advance(Duration.ofDays(1));
    var joined = api.put("/api/contacts/{id}", Map.of("topics", Map.of("offers", Map.of("email", true, "sms", false)),
        "topicsSource", "double-opt-in"), contact);
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "offers"));

    assertThat(sends.last("email").get("status").asText()).isEqualTo("QUEUED");
    var offers = joined.getBody().at("/topics/offers");
    assertThat(offers.at("/email/subscribed").asBoolean()).isTrue();
    assertThat(offers.at("/email/source").asText()).isEqualTo("double-opt-in");
    assertThat(offers.at("/email/at").asText()).isEqualTo(EngineTime.NOON.plus(Duration.ofDays(2)).toString());
    assertThat(offers.at("/sms/subscribed").asBoolean()).isFalse();
    assertThat(offers.at("/push/subscribed").asBoolean()).isFalse();
    assertThat(offers.at("/push/source").isNull()).isTrue();
    assertThat(joined.getBody().at("/topics/newsletter/email/subscribed").asBoolean()).isTrue();
  }

  @Test
  void skipsASendAboutATopicNobodyDefinedSayingHowToDefineIt() {
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "winter-sale"));

    assertThat(sends.last("email").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(sends.last("email").get("reason").asText()).isEqualTo("topic 'winter-sale' is not defined: define it"
        + " in itinera.topics.winter-sale or with PUT /api/topics/winter-sale");
  }

  @Test
  void definesATopicThroughTheApiButLeavesTheConfiguredOnesAlone() {
    var name = "t" + ThreadLocalRandom.current().nextInt(1_000_000);
    var created = api.put("/api/topics/{name}", Map.of("default", "opt-in", "label", "Flash sales"), name);
    var changed = api.put("/api/topics/{name}", Map.of("default", "opt-out", "label", "Flash sales"), name);
    var configured = api.put("/api/topics/{name}", Map.of("default", "opt-in", "label", "News"), "newsletter");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("/api/topics/{name}", name).getBody().get("default").asText()).isEqualTo("opt-out");
    assertThat(configured.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(api.get("/api/topics/{name}", "newsletter").getBody().get("configured").asBoolean()).isTrue();
    assertThat(api.get("/api/topics/{name}", "nope").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesUnknownTopicsChannelsAndChoicesWithoutASourceNamingTheField() {
    var unknownTopic = api.put("/api/contacts/{id}", Map.of("topics", Map.of("nope", Map.of("email", true)),
        "topicsSource", "app"), contact);
    var unknownChannel = api.put("/api/contacts/{id}", Map.of("topics", Map.of("offers", Map.of("fax", true)),
        "topicsSource", "app"), contact);
    var noSource = api.put("/api/contacts/{id}", Map.of("topics", Map.of("offers", Map.of("email", true))), contact);
    var badTopic = api.put("/api/topics/{name}", Map.of("default", "sometimes", "label", "X"), "x-sale");
    var badName = api.put("/api/topics/{name}", Map.of("default", "opt-in", "label", "X"), "Winter_Sale");

    assertThat(unknownTopic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownTopic.getBody().get("field").asText()).isEqualTo("topics.nope");
    assertThat(unknownChannel.getBody().get("field").asText()).isEqualTo("topics.offers.fax");
    assertThat(noSource.getBody().get("field").asText()).isEqualTo("topicsSource");
    assertThat(badTopic.getBody().get("field").asText()).isEqualTo("default");
    assertThat(badName.getBody().get("field").asText()).isEqualTo("name");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().at("/topics/offers/email/source").isNull()).isTrue();
  }
}
