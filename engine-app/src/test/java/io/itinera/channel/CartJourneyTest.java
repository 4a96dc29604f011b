package io.itinera.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.email.OutboxDispatcher;
import io.itinera.push.PushDispatcher;
import io.itinera.sms.SmsDispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The shipped cart journey on its three channels, end to end: a contact who prefers push, has a push subscription
 * at the embedded push service and SMS consent, abandons a 150 cart; the reminder arrives as a push that the
 * push service decrypts to the rendered payload, the offer by email over SMTP, the last reminder as an SMS at the
 * embedded SMSC; a purchase before the SMS keeps it from going. Time moves on the engine clock; the dispatchers
 * run when the test says so.
 */
@ItineraAppTest
class CartJourneyTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  OutboxDispatcher emailDispatcher;
  @Autowired
  SmsDispatcher smsDispatcher;
  @Autowired
  PushDispatcher pushDispatcher;
  @Autowired
  GreenMail smtpServer;

  private final ObjectMapper json = new ObjectMapper();
  private ApiClient api;
  private TestRestTemplate admin;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    admin = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
    // Noon in Berlin: every step of the journey falls in the daytime there, outside the quiet hours.
    EngineTime.freeze();
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void remindsByPushThenOffersByEmailThenSendsTheLastReminderBySmsForAHighValueCart() throws Exception {
    var ann = new Shopper("Ann");
    var run = ann.abandonsCart(150);

    passTime(run, Duration.ofMinutes(59));
    assertThat(ann.pushesCaught()).isEmpty();
    passTime(run, Duration.ofMinutes(1));

    assertThat(ann.pushesCaught()).singleElement().satisfies(push -> {
      assertThat(push.hasNonNull("problem")).as("not decrypted: %s", push).isFalse();
      assertThat(json.readTree(push.get("payload").asText())).isEqualTo(json.readTree("""
          {"title": "Your cart is waiting", "body": "Hi Ann, we kept the things in your cart for you.",
           "url": "https://itinera.example/cart"}"""));
    });
    assertThat(TestInbox.of(smtpServer, ann.email)).isEmpty();

    passTime(run, Duration.ofHours(24));

    assertThat(TestInbox.subjects(smtpServer, ann.email)).singleElement()
        .isIn("10% off to finish your order", "Your cart ships free");
    assertThat(ann.smsCaught()).isEmpty();

    passTime(run, Duration.ofHours(47).plusMinutes(59));
    assertThat(ann.smsCaught()).isEmpty();
    passTime(run, Duration.ofMinutes(1));

    assertThat(ann.smsCaught()).singleElement().satisfies(sms -> {
      assertThat(sms.get("text").asText())
          .isEqualTo("Hi Ann, your cart of 150 will be emptied soon. Finish your order: https://itinera.example/cart");
      assertThat(sms.get("from").asText()).isEqualTo("Itinera");
    });
    assertThat(TestInbox.of(smtpServer, ann.email)).hasSize(1);
    assertThat(ann.pushesCaught()).hasSize(1);
    assertThat(ann.messages()).extracting(message -> message.get("channel").asText() + " "
        + message.get("status").asText()).containsExactlyInAnyOrder("push SENT", "email SENT", "sms SENT");
    assertThat(passed(run)).contains("Task_SendLastReminderSms", "EndEvent_NoPurchase")
        .doesNotContain("Task_SendLastReminder");
  }

  @Test
  void aPurchaseBeforeTheLastReminderKeepsTheSmsFromGoing() {
    var bo = new Shopper("Bo");
    var run = bo.abandonsCart(150);
    passTime(run, Duration.ofHours(1));
    passTime(run, Duration.ofHours(24));
    passTime(run, Duration.ofHours(47));

    var purchase = api.track(bo.id, "purchase", Map.of("orderId", "o-" + bo.id, "total", 150));
    assertThat(purchase.at("/reached/0/activityId").asText()).isEqualTo("StartEvent_Purchase");
    passTime(run, Duration.ofHours(2));

    assertThat(bo.smsCaught()).isEmpty();
    assertThat(bo.messages()).noneMatch(message -> message.get("channel").asText().equals("sms"));
    assertThat(passed(run)).contains("EndEvent_Purchased")
        .doesNotContain("Gateway_HighValueCart", "Task_SendLastReminderSms", "EndEvent_NoPurchase");
  }

  /** Moves the engine clock, runs the run's due steps, and lets every channel's dispatcher send what is due. */
  private void passTime(String run, Duration duration) {
    EngineTime.advance(duration);
    EngineJobs.runDue(management, run);
    TestInbox.dispatch(emailDispatcher);
    smsDispatcher.dispatchDue();
    pushDispatcher.dispatchDue();
  }

  private List<String> passed(String run) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(run).list().stream()
        .map(step -> step.getActivityId()).toList();
  }

  private static List<JsonNode> elements(JsonNode array) {
    var all = new ArrayList<JsonNode>();
    array.forEach(all::add);
    return all;
  }

  /**
   * A contact of its own with an email address, a phone with SMS consent and a browser subscribed at the embedded
   * push service, who prefers push.
   */
  private final class Shopper {
    final String id = "c-" + UUID.randomUUID();
    final String email = id + "@example.com";
    final String phone = "+4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000)) + "3";
    final String pushToken;

    Shopper(String firstName) {
      var created = api.put("/api/contacts/{id}", Map.of("email", email, "phone", phone, "timezone", "Europe/Berlin",
          "attributes", Map.of("firstName", firstName),
          "smsConsent", Map.of("status", "granted", "source", "checkout-form"),
          "channels", List.of(Map.of("channel", "push"), Map.of("channel", "email"), Map.of("channel", "sms"))), id);
      assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
      var browser = admin.postForEntity("/push-sink/subscriptions", null, Map.class);
      assertThat(browser.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      var subscribed = api.post("/api/contacts/{id}/push-subscriptions", browser.getBody(), id);
      assertThat(subscribed.getStatusCode()).as("%s", subscribed.getBody()).isEqualTo(HttpStatus.CREATED);
      pushToken = String.valueOf(browser.getBody().get("endpoint")).replaceAll(".*/", "");
    }

    /** Tracks the cart through the event API; answers the cart journey's run. */
    String abandonsCart(int total) {
      var answer = api.track(id, "cart_abandoned", Map.of("total", total, "items", 2));
      assertThat(answer.at("/started/0/journey").asText()).as("%s", answer).isEqualTo("cart-abandonment");
      return answer.at("/started/0/processInstanceId").asText();
    }

    List<JsonNode> pushesCaught() {
      return elements(admin.getForObject("/push-sink/messages", JsonNode.class)).stream()
          .filter(push -> push.get("subscription").asText().equals(pushToken)).toList();
    }

    List<JsonNode> smsCaught() {
      return elements(admin.getForObject("/sms-sink/messages", JsonNode.class)).stream()
          .filter(sms -> sms.get("to").asText().equals(phone)).toList();
    }

    List<JsonNode> messages() {
      return elements(api.get("/api/contacts/{id}/messages", id).getBody());
    }
  }
}
