package io.itinera.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS end to end through the real embedded SMSC over SMPP on loopback: journey step, SMS outbox, dispatcher,
 * submit_sm (parts and all), the SMSC's delivery receipt back as an event that moves the journey on, and an
 * inbound STOP that withdraws consent.
 */
@ItineraAppTest
class SmsChannelTest {

  /** How long the SMSC's asynchronous answers (receipts, replies) may take to arrive; never a measured duration. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  SmsDispatcher dispatcher;
  @Autowired
  JdbcClient jdbc;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();
  private final String phone = "+4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000)) + "1";

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    var created = api.put("/api/contacts/{id}", Map.of("phone", phone, "timezone", "Europe/Berlin",
        "smsConsent", Map.of("status", "granted", "source", "checkout-form"),
        "attributes", Map.of("firstName", "Ann")), contact);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void showsThePhoneAndTheSmsConsentWithItsSource() {
    var shown = api.get("/api/contacts/{id}", contact).getBody();

    assertThat(shown.get("phone").asText()).isEqualTo(phone);
    assertThat(shown.at("/smsConsent/status").asText()).isEqualTo("granted");
    assertThat(shown.at("/smsConsent/source").asText()).isEqualTo("checkout-form");
    assertThat(shown.at("/smsConsent/at").asText()).isEqualTo(EngineTime.NOON.toString());
  }

  @Test
  void refusesAPhoneNumberNotInE164NamingTheField() {
    var refused = api.put("/api/contacts/{id}", Map.of("phone", "0170 1234567"), contact);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("phone").contains("E.164");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("phone").asText()).isEqualTo(phone);
  }

  @Test
  void refusesAConsentThatIsNeitherGrantedNorWithdrawn() {
    var refused = api.put("/api/contacts/{id}", Map.of("smsConsent", Map.of("status", "maybe", "source", "form")),
        contact);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("smsConsent.status");
  }

  @Test
  void sendsTheRenderedTextFromTheStepsSenderToTheContactsPhone() {
    ask("Your order has shipped.", "marketing");

    dispatcher.dispatchDue();

    var caught = caughtFor(phone);
    assertThat(caught).singleElement().satisfies(sms -> {
      assertThat(sms.get("text").asText()).isEqualTo("Hi Ann: Your order has shipped.");
      assertThat(sms.get("from").asText()).isEqualTo("ItineraShop");
      assertThat(sms.get("coding").asText()).isEqualTo("GSM7");
      assertThat(sms.get("parts").asInt()).isEqualTo(1);
    });
    assertThat(smsMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("SENT");
      assertThat(message.get("text").asText()).isEqualTo("Hi Ann: Your order has shipped.");
    });
  }

  @Test
  void deliversALongUcs2TextWholeInConcatenatedParts() {
    var text = "Привет! Ваш заказ отправлен и скоро будет у вас 📦 ".repeat(3);
    ask(text, "transactional");

    dispatcher.dispatchDue();

    assertThat(caughtFor(phone)).singleElement().satisfies(sms -> {
      assertThat(sms.get("text").asText()).isEqualTo("Hi Ann: " + text.strip());
      assertThat(sms.get("coding").asText()).isEqualTo("UCS2");
      assertThat(sms.get("parts").asInt()).isEqualTo(3);
    });
  }

  @Test
  void turnsTheDeliveryReceiptIntoAnSmsDeliveredEventThatMovesTheJourneyOn() {
    var run = ask("Your code is 123456.", "transactional");

    dispatcher.dispatchDue();

    waitUntil(() -> history.createHistoricProcessInstanceQuery().processInstanceId(run).finished().count() == 1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).activityId("EndEvent_Delivered")
        .count()).isEqualTo(1);
    assertThat(eventTypes()).contains("sms_delivered");
    assertThat(smsMessages()).singleElement()
        .satisfies(message -> assertThat(message.get("receipt").asText()).isEqualTo("DELIVRD"));
  }

  @Test
  void turnsAnUndeliverableReceiptIntoAnSmsFailedEvent() {
    var unreachable = "+4917" + (100_000 + ThreadLocalRandom.current().nextInt(800_000)) + "0000";
    assertThat(api.put("/api/contacts/{id}", Map.of("phone", unreachable), contact).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ask("Your code is 123456.", "transactional");

    dispatcher.dispatchDue();

    waitUntil(() -> eventTypes().contains("sms_failed"), () -> "messages " + smsMessages() + ", caught "
        + caughtFor(unreachable) + ", events " + eventTypes());
    assertThat(smsMessages()).singleElement()
        .satisfies(message -> assertThat(message.get("receipt").asText()).isEqualTo("UNDELIV"));
  }

  @Test
  void stopWithdrawsSmsConsentSoTheNextMarketingSmsIsSkippedWithTheReason() {
    assertThat(dispatcher.stayBound()).isTrue();
    var reply = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .postForEntity("/sms-sink/replies", Map.of("from", phone, "text", " stop "), String.class);
    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    waitUntil(() -> "withdrawn".equals(api.get("/api/contacts/{id}", contact).getBody().at("/smsConsent/status")
        .asText()));
    assertThat(api.get("/api/contacts/{id}", contact).getBody().at("/smsConsent/source").asText())
        .isEqualTo("inbound SMS 'STOP'");

    ask("20% off everything today!", "marketing");
    ask("Your order has shipped.", "transactional");
    dispatcher.dispatchDue();

    var messages = smsMessages();
    assertThat(messages).extracting(message -> message.get("status").asText())
        .containsExactlyInAnyOrder("SKIPPED", "SENT");
    assertThat(messages).filteredOn(message -> message.get("status").asText().equals("SKIPPED")).singleElement()
        .satisfies(message -> assertThat(message.get("reason").asText())
            .startsWith("the contact withdrew SMS consent (inbound SMS 'STOP'"));
    assertThat(caughtFor(phone)).singleElement()
        .satisfies(sms -> assertThat(sms.get("text").asText()).isEqualTo("Hi Ann: Your order has shipped."));
  }

  @Test
  void skipsMarketingSmsToAContactWhoNeverGaveConsentAndAnySmsToOneWithoutAPhone() {
    var other = "c-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("phone", phone.replace("+4917", "+4916"), "attributes", Map.of()), other);
    var run = api.track(other, "test_sms", Map.of("text", "20% off!", "category", "marketing"))
        .at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    api.put("/api/contacts/{id}", nullPhone(), contact);
    ask("Your code is 123456.", "transactional");

    assertThat(api.get("/api/contacts/{id}/messages", other).getBody()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("SKIPPED");
      assertThat(message.get("reason").asText()).isEqualTo("the contact never gave SMS consent");
    });
    assertThat(smsMessages()).singleElement()
        .satisfies(message -> assertThat(message.get("reason").asText()).isEqualTo("the contact has no phone number"));
  }

  /** A body clearing the phone: Map.of refuses null values. */
  private static Map<String, Object> nullPhone() {
    var body = new HashMap<String, Object>();
    body.put("phone", null);
    return body;
  }

  @Test
  void holdsMarketingSmsInTheQuietHoursOfTheContactsZone() {
    // 11:00 UTC is midnight in Auckland (UTC+13 in March): quiet hours until 08:00 there.
    api.put("/api/contacts/{id}", Map.of("timezone", "Pacific/Auckland"), contact);
    ask("20% off everything today!", "marketing");

    dispatcher.dispatchDue();

    assertThat(caughtFor(phone)).isEmpty();
    assertThat(smsMessages()).singleElement().satisfies(message -> {
      assertThat(message.get("status").asText()).isEqualTo("QUEUED");
      assertThat(message.get("reason").asText()).isEqualTo("held by quiet hours (21:00-08:00 Pacific/Auckland)");
    });
  }

  /** Starts the test journey with this text and category and runs its Send SMS step; returns the run. */
  private String ask(String text, String category) {
    var answer = api.track(contact, "test_sms", Map.of("text", text, "category", category));
    var run = answer.at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    return run;
  }

  private List<JsonNode> smsMessages() {
    var all = new ArrayList<JsonNode>();
    api.get("/api/contacts/{id}/messages", contact).getBody().forEach(all::add);
    return all.stream().filter(message -> message.get("channel").asText().equals("sms")).toList();
  }

  private List<JsonNode> caughtFor(String to) {
    var caught = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .getForObject("/sms-sink/messages", JsonNode.class);
    var all = new ArrayList<JsonNode>();
    caught.forEach(sms -> {
      if (sms.get("to").asText().equals(to)) {
        all.add(sms);
      }
    });
    return all;
  }

  private List<String> eventTypes() {
    return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ?").param(contact).query(String.class).list();
  }

  /** For what the SMSC does on its own threads (receipts, replies): checked until true, within a generous bound. */
  private static void waitUntil(BooleanSupplier condition) {
    waitUntil(condition, () -> "");
  }

  private static void waitUntil(BooleanSupplier condition, Supplier<String> state) {
    var deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + PATIENCE + " " + state.get());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
