package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestCrm;
import io.itinera.TestInbox;
import io.itinera.email.OutboxDispatcher;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shipped journeys end to end: events in through the API, email out over SMTP, webhooks to a CRM. */
@ItineraAppTest
class JourneysEndToEndTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  GreenMail smtpServer;
  @Autowired
  JourneyEnrolments enrolments;
  @Autowired
  JdbcClient jdbc;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();
  private final String address = contact + "@example.com";

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    EngineTime.freeze();
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void remindsAboutAnAbandonedCartUntilThePurchaseThenThanksTheBuyer() {
    api.put("/api/contacts/{id}", Map.of("email", address, "attributes", Map.of("firstName", "Ann")), contact);
    var cart = api.track(contact, "cart_abandoned", Map.of("total", 59.9)).at("/started/0/processInstanceId").asText();

    passTime(cart, Duration.ofMinutes(59));
    assertThat(TestInbox.of(smtpServer, address)).isEmpty();
    passTime(cart, Duration.ofMinutes(1));
    passTime(cart, Duration.ofHours(24));
    var purchase = api.track(contact, "purchase", Map.of("orderId", "o-77", "total", 59.9, "revenue", 59.9));
    var thanks = purchase.at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, thanks);
    TestInbox.dispatch(dispatcher);

    assertThat(purchase.at("/reached/0/activityId").asText()).isEqualTo("StartEvent_Purchase");
    assertThat(purchase.at("/started/0/journey").asText()).isEqualTo("post-purchase");
    assertThat(enrolments.of("cart-abandonment", contact)).singleElement()
        .returns(EnrolmentStatus.CONVERTED, Enrolment::status).returns("purchase", Enrolment::goal);
    assertThat(TestInbox.subjects(smtpServer, address)).hasSize(3)
        .contains("You left something in your cart", "Thank you for your order")
        .containsAnyOf("10% off to finish your order", "Your cart ships free");
    assertThat(TestCrm.received()).anySatisfy(body -> assertThat(body).contains(contact).contains("o-77"));
    var experiment = api.get("/api/experiments/cart-offer").getBody();
    assertThat(experiment.get("variants")).extracting(variant -> variant.get("variant").asText())
        .containsExactly("discount", "free-shipping");
  }

  @Test
  void asksForAReviewAWeekAfterThePurchaseInTheContactsBestHour() {
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin"), contact);
    var run = api.track(contact, "purchase", Map.of("orderId", "o-78")).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);

    passTime(run, Duration.ofDays(7));
    var bestHour = management.createJobQuery().processInstanceId(run).activityId("Timer_WaitForBestHour")
        .singleResult().getDuedate().toInstant();
    passTime(run, Duration.between(EngineTime.now(), bestHour));

    var localHour = bestHour.atZone(ZoneId.of("Europe/Berlin")).getHour();
    assertThat(localHour).isIn(9, 10, 14, 16);
    assertThat(TestInbox.subjects(smtpServer, address))
        .containsExactly("Thank you for your order", "How is your order working out?");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("segments").toString()).contains("customers");
  }

  @Test
  void enrolsTenThousandInactiveContactsPageByPage() {
    var prefix = "inactive-" + UUID.randomUUID() + "-";
    var longAgo = EngineTime.now().atOffset(ZoneOffset.UTC).minusDays(60);
    var contacts = new ArrayList<Object[]>();
    for (int i = 0; i < 10_000; i++) {
      var id = prefix + String.format("%05d", i);
      contacts.add(new Object[] {id, id + "@example.com", "UTC", "{}", 0.0, longAgo, longAgo});
    }
    batchInsert(contacts);

    var scheduler = runScheduler("win-back");

    var enrolled = jdbc.sql("SELECT COUNT(*) FROM journey_enrolment WHERE journey_key = 'win-back'"
            + " AND status = 'ACTIVE' AND contact_id LIKE ?")
        .param(prefix + "%").query(Long.class).single();
    assertThat(enrolled).isEqualTo(10_000);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(scheduler).count()).isZero();
  }

  @Test
  void sendsTheBirthdayEmailAtNineInTheMorningWhereTheContactLives() {
    var zone = aZoneWhereItIsEarlyMorning();
    var today = EngineTime.now().atZone(zone);
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", zone.getId(),
        "attributes", Map.of("firstName", "Ann", "birthday", "1990-" + today.toLocalDate().toString().substring(5))),
        contact);

    runScheduler("birthday");
    var run = enrolments.of("birthday", contact).get(0).processInstanceId();
    var nine = management.createJobQuery().processInstanceId(run).timers().singleResult().getDuedate().toInstant();
    passTime(run, Duration.between(EngineTime.now(), nine));

    assertThat(nine.atZone(zone).toLocalTime().toString()).isEqualTo("09:00");
    assertThat(TestInbox.subjects(smtpServer, address)).containsExactly("Happy birthday! A small gift from us");
  }

  /** Fires the journey's timer start now, as its schedule would, and runs the scheduler's page jobs to the end. */
  private String runScheduler(String journey) {
    var timer = management.createJobQuery().processDefinitionKey(journey).timers().activityId(
        journey.equals("win-back") ? "Timer_Daily" : "Timer_Hourly").singleResult();
    management.executeJob(timer.getId());
    var scheduler = runtime.createProcessInstanceQuery().processDefinitionKey(journey)
        .list().stream().filter(run -> run.getBusinessKey() == null).findFirst().orElseThrow().getId();
    EngineJobs.runDue(management, scheduler);
    return scheduler;
  }

  private void batchInsert(List<Object[]> contacts) {
    for (int from = 0; from < contacts.size(); from += 1000) {
      var sql = new StringBuilder("INSERT INTO contact (id, email, timezone, attributes, engagement_score, created_at,"
          + " updated_at) VALUES ");
      var params = new ArrayList<Object>();
      for (var row : contacts.subList(from, Math.min(from + 1000, contacts.size()))) {
        sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        params.addAll(List.of(row));
      }
      jdbc.sql(sql.toString()).params(params).update();
    }
  }

  private static ZoneId aZoneWhereItIsEarlyMorning() {
    return ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of)
        .filter(zone -> {
          var local = EngineTime.now().atZone(zone).toLocalTime();
          return local.getHour() >= 1 && local.getHour() <= 7;
        })
        .findFirst().orElseThrow();
  }

  private void passTime(String run, Duration duration) {
    EngineTime.advance(duration);
    EngineJobs.runDue(management, run);
    TestInbox.dispatch(dispatcher);
  }
}
