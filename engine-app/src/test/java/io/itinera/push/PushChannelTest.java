package io.itinera.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Web Push end to end: the test plays the browser (its own P-256 pair and auth secret, its push service a real
 * HTTP server on loopback), registers the subscription through the API, a journey's Send push step queues, the
 * dispatcher sends; what arrives must be aes128gcm that only the browser's key opens, signed with a VAPID token
 * that verifies. Then the push service's answers (410, 404, 500), consent, quiet hours, bad subscriptions and
 * the embedded push service.
 */
@ItineraAppTest
class PushChannelTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  PushDispatcher dispatcher;

  private final ObjectMapper json = new ObjectMapper();
  private final String contact = "c-" + UUID.randomUUID();
  private ApiClient api;
  private BrowserPushService browser;

  @BeforeEach
  void setUp() throws IOException {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    browser = new BrowserPushService();
    var created = api.put("/api/contacts/{id}", Map.of("timezone", "Europe/Berlin",
        "attributes", Map.of("firstName", "Ann")), contact);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @AfterEach
  void tearDown() {
    browser.close();
    EngineTime.reset();
  }

  @Test
  void deliversAnAes128gcmPushThatOnlyTheBrowsersKeyOpensToTheRenderedPayloadSignedWithVapid() throws Exception {
    subscribe(browser.subscription());

    ask("Your cart misses you.", "https://shop.example/cart", "marketing");
    dispatcher.dispatchDue();

    assertThat(browser.received()).singleElement().satisfies(push -> {
      assertThat(push.headers()).containsEntry("content-encoding", "aes128gcm").containsEntry("ttl", "86400");
      assertThat(json.readTree(browser.decrypt(push))).isEqualTo(json.readTree(
          "{\"title\":\"Hi Ann\",\"body\":\"Your cart misses you.\",\"url\":\"https://shop.example/cart\"}"));
      var vapid = push.headers().get("authorization");
      assertThat(vapid).startsWith("vapid t=");
      var key = vapid.substring(vapid.indexOf("k=") + 2).strip();
      assertThat(key).isEqualTo(api.get("/api/push/vapid-public-key").getBody().get("publicKey").asText());
      var claims = new JwtConsumerBuilder()
          .setVerificationKey(PushKeys.publicKey(key))
          .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
              AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
          .setExpectedAudience(browser.origin())
          .setRequireExpirationTime()
          .setMaxFutureValidityInMinutes(24 * 60)
          .setEvaluationTime(NumericDate.fromMilliseconds(EngineTime.now().toEpochMilli()))
          .build()
          .processToClaims(vapid.substring("vapid t=".length(), vapid.indexOf(',')));
      assertThat(claims.getSubject()).startsWith("mailto:");
    });
    assertThat(pushMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("SENT");
      assertThat(message.get("subject").asText()).isEqualTo("Hi Ann");
      assertThat(message.get("text").asText()).isEqualTo("Your cart misses you.");
    });
  }

  @Test
  void subscribingRecordsPushConsentTheSameEndpointTwiceStaysOneSubscriptionAndDeleteRemovesIt() {
    subscribe(browser.subscription());
    subscribe(browser.subscription());

    var subscriptions = api.get("/api/contacts/{id}/push-subscriptions", contact).getBody();
    assertThat(subscriptions).hasSize(1);
    assertThat(subscriptions.get(0).get("endpoint").asText()).isEqualTo(browser.subscription().get("endpoint"));
    var shown = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(shown.at("/pushConsent/status").asText()).isEqualTo("granted");
    assertThat(shown.at("/pushConsent/source").asText()).isEqualTo("subscription");

    var id = subscriptions.get(0).get("id").asText();
    assertThat(api.delete("/api/contacts/{id}/push-subscriptions/{subscription}", contact, id).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.get("/api/contacts/{id}/push-subscriptions", contact).getBody()).isEmpty();
    assertThat(api.delete("/api/contacts/{id}/push-subscriptions/{subscription}", contact, id).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(ints = {410, 404})
  void aSubscriptionItsPushServiceNoLongerKnowsIsRemovedAndItsMessageFails(int gone) {
    subscribe(browser.subscription());
    browser.answer(gone);

    ask("Your order has shipped.", "https://shop.example/orders", "transactional");
    dispatcher.dispatchDue();

    assertThat(pushMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("FAILED");
      assertThat(message.get("reason").asText()).isEqualTo("subscription expired");
    });
    assertThat(api.get("/api/contacts/{id}/push-subscriptions", contact).getBody()).isEmpty();
  }

  @Test
  void aServerErrorIsTriedAgainAfterTheRetryDelay() {
    subscribe(browser.subscription());
    browser.answer(500, 201);

    ask("Your order has shipped.", "https://shop.example/orders", "transactional");
    dispatcher.dispatchDue();

    assertThat(pushMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("QUEUED");
      assertThat(message.get("reason").asText()).contains("500");
      assertThat(message.get("notBefore").asText()).isEqualTo(EngineTime.now().plus(Duration.ofMinutes(1)).toString());
    });
    dispatcher.dispatchDue();
    assertThat(browser.received()).hasSize(1);

    EngineTime.advance(Duration.ofMinutes(1));
    dispatcher.dispatchDue();

    assertThat(browser.received()).hasSize(2);
    assertThat(pushMessages()).singleElement()
        .satisfies(message -> assertThat(message.get("status").asText()).isEqualTo("SENT"));
  }

  @Test
  void marketingAfterConsentWasWithdrawnIsSkippedWithTheReasonWhileTransactionalGoes() {
    subscribe(browser.subscription());
    var withdrawn = api.put("/api/contacts/{id}", Map.of("pushConsent",
        Map.of("status", "withdrawn", "source", "preference-centre")), contact);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);

    ask("20% off everything today!", "https://shop.example/sale", "marketing");
    ask("Your order has shipped.", "https://shop.example/orders", "transactional");
    dispatcher.dispatchDue();

    var messages = pushMessages();
    assertThat(messages).extracting(message -> message.get("status").asText())
        .containsExactlyInAnyOrder("SKIPPED", "SENT");
    assertThat(messages).filteredOn(message -> message.get("status").asText().equals("SKIPPED")).singleElement()
        .satisfies(message -> assertThat(message.get("reason").asText())
            .startsWith("the contact withdrew push consent (preference-centre"));
    assertThat(browser.received()).hasSize(1);
  }

  @Test
  void aPushTooLargeForAPushServiceIsAnIncidentAtTheStepAndQueuesNothing() {
    subscribe(browser.subscription());

    // Each event property takes at most 2000 characters; together they make more than a push holds.
    var run = api.track(contact, "test_push", Map.of("text", "x".repeat(2000),
        "url", "https://shop.example/" + "p".repeat(1970), "category", "transactional"))
        .at("/started/0/processInstanceId").asText();
    EngineJobs.attempt(management, run);

    var incident = runtime.createIncidentQuery().processInstanceId(run).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("Task_SendPush").contains("3993");
    assertThat(pushMessages()).isEmpty();
  }

  @Test
  void aContactWithoutASubscriptionIsSkippedWithTheReason() {
    ask("Your order has shipped.", "https://shop.example/orders", "transactional");

    assertThat(pushMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("SKIPPED");
      assertThat(message.get("reason").asText()).isEqualTo("the contact has no push subscription");
    });
  }

  @Test
  void holdsMarketingPushInTheQuietHoursOfTheContactsZone() {
    // 11:00 UTC is midnight in Auckland (UTC+13 in March): quiet hours until 08:00 there.
    api.put("/api/contacts/{id}", Map.of("timezone", "Pacific/Auckland"), contact);
    subscribe(browser.subscription());

    ask("20% off everything today!", "https://shop.example/sale", "marketing");
    dispatcher.dispatchDue();

    assertThat(browser.received()).isEmpty();
    assertThat(pushMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("QUEUED");
      assertThat(message.get("reason").asText()).isEqualTo("held by quiet hours (21:00-08:00 Pacific/Auckland)");
    });
  }

  @ParameterizedTest
  @CsvSource({
      "endpoint, not a url at all",
      "endpoint, http://push.example.com/send/1",
      "endpoint, https://10.1.2.3/send/1",
      "keys.p256dh, BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "keys.p256dh, BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQ",
      "keys.p256dh, not*base64",
      "keys.auth, dGVzdA",
      "expirationTime, 1e300",
      "expirationTime, -1"})
  void refusesAMalformedSubscriptionNamingTheField(String field, String value) {
    var subscription = browser.subscription();
    var keys = new LinkedHashMap<String, Object>(castKeys(subscription.get("keys")));
    if (field.equals("endpoint")) {
      subscription.put("endpoint", value);
    } else if (field.equals("expirationTime")) {
      subscription.put("expirationTime", Double.parseDouble(value));
    } else {
      keys.put(field.substring("keys.".length()), value);
    }
    subscription.put("keys", keys);

    var refused = api.post("/api/contacts/{id}/push-subscriptions", subscription, contact);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("field").asText()).isEqualTo(field);
    assertThat(api.get("/api/contacts/{id}/push-subscriptions", contact).getBody()).isEmpty();
  }

  @Test
  void theEmbeddedPushServiceDecryptsWhatIsPushedToItsOwnSubscriptionsAndAnswers410OnceExpired() {
    var admin = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
    var sinkSubscription = admin.postForEntity("/push-sink/subscriptions", null, JsonNode.class);
    assertThat(sinkSubscription.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    subscribe(json.convertValue(sinkSubscription.getBody(), Map.class));
    var token = sinkSubscription.getBody().get("endpoint").asText().replaceAll(".*/", "");

    ask("Your order has shipped.", "https://shop.example/orders", "transactional");
    dispatcher.dispatchDue();

    var caught = caughtBy(admin, token);
    assertThat(caught).singleElement().satisfies(push -> assertThat(push.get("payload").asText())
        .isEqualTo("{\"title\":\"Hi Ann\",\"body\":\"Your order has shipped.\","
            + "\"url\":\"https://shop.example/orders\"}"));

    assertThat(admin.getForObject("/push-sink", String.class)).contains("Your order has shipped.");
    assertThat(pushToSinkWithout(token, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(pushToSinkWithout(token, "vapid t=not.a.jwt, k=" + api.get("/api/push/vapid-public-key").getBody()
        .get("publicKey").asText())).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(admin.postForEntity("/push-sink/subscriptions/{token}/expire", null, String.class, token)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ask("Your order has arrived.", "https://shop.example/orders", "transactional");
    dispatcher.dispatchDue();

    assertThat(caughtBy(admin, token)).hasSize(1);
    assertThat(api.get("/api/contacts/{id}/push-subscriptions", contact).getBody()).isEmpty();
    assertThat(pushMessages()).extracting(message -> message.get("status").asText())
        .containsExactlyInAnyOrder("SENT", "FAILED");
  }

  /** A push to the sink that a push service must refuse: no or a forged VAPID token. */
  private HttpStatusCode pushToSinkWithout(String token, String authorization) {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_ENCODING, "aes128gcm");
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
    return http.postForEntity("/push-sink/push/{token}", new HttpEntity<>(new byte[100], headers), String.class, token)
        .getStatusCode();
  }

  private void subscribe(Map<?, ?> subscription) {
    var registered = api.post("/api/contacts/{id}/push-subscriptions", subscription, contact);
    assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /** Starts the test journey with this push and runs its Send push step. */
  private void ask(String text, String url, String category) {
    var answer = api.track(contact, "test_push", Map.of("text", text, "url", url, "category", category));
    EngineJobs.runDue(management, answer.at("/started/0/processInstanceId").asText());
  }

  private List<JsonNode> pushMessages() {
    var all = new ArrayList<JsonNode>();
    api.get("/api/contacts/{id}/messages", contact).getBody().forEach(all::add);
    return all.stream().filter(message -> message.get("channel").asText().equals("push")).toList();
  }

  private static List<JsonNode> caughtBy(TestRestTemplate admin, String token) {
    var all = new ArrayList<JsonNode>();
    admin.getForObject("/push-sink/messages", JsonNode.class).forEach(push -> {
      if (push.get("subscription").asText().equals(token)) {
        all.add(push);
      }
    });
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castKeys(Object keys) {
    return (Map<String, Object>) keys;
  }
}
