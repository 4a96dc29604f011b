package io.itinera.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * Predictive content end to end: a journey whose Send email step asks for {@code selection: predicted}
 * (template test-offer: a guide or a discount as the call to action, rewarded by an open), contacts who
 * open and click through the real tracking links (customers the discount, prospects the guide), the due
 * rewards settled as the background job would, and later sends that follow what was learnt.
 */
@ItineraAppTest
class PredictedContentTest {

  private static final Pattern TRACKED_LINK = Pattern.compile("href=\"http://localhost:8080(/t/c/[^\"]+)\"");
  private static final Pattern PIXEL = Pattern.compile("src=\"http://localhost:8080(/t/o/[^\"]+)\"");
  private static final Map<String, String> LIKES = Map.of("customer", "discount", "prospect", "guide");

  @Autowired
  TestRestTemplate http;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ContentRewards rewards;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Random world = new Random(14);
  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    repository.createDeployment().name("itinera-test-predicted-content").enableDuplicateFiltering(true)
        .addClasspathResource("test-journeys/test-predicted-content.bpmn").deploy();
    EngineTime.freeze();
    jdbc.sql("DELETE FROM content_choice WHERE template = 'test-offer'").update();
    jdbc.sql("DELETE FROM content_posterior WHERE template = 'test-offer'").update();
    for (var stage : LIKES.keySet()) {
      for (int i = 0; i < 5; i++) {
        api.put("/api/contacts/{id}", Map.of("email", contact(stage, i) + "@example.com", "lifecycleStage", stage,
            "timezone", "Europe/Berlin"), contact(stage, i));
      }
    }
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void opensAndClicksThroughTheTrackingLinksMoveLaterChoices() throws Exception {
    var coldStart = api.get("/api/content/{template}", "test-offer");
    assertThat(coldStart.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(coldStart.getBody().at("/slots/0/coldStart").asBoolean()).isTrue();

    // given: 60 sends, each window closed after every 20; liked variants are read (customers click, prospects open)
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 20; i++) {
        var stage = i % 2 == 0 ? "customer" : "prospect";
        var sent = send(contact(stage, world.nextInt(5)));
        if (sent.variant().equals(LIKES.get(stage))) {
          assertThat(get(stage.equals("customer") ? sent.clickLink() : sent.pixel())).isIn(200, 302);
        }
      }
      EngineTime.advance(Duration.ofMinutes(61));
      rewards.settleDue();
    }

    // when: 60 more sends (enough that chance neither passes a policy that learnt nothing nor fails one that did)
    var followed = 0;
    for (int i = 0; i < 60; i++) {
      var stage = i % 2 == 0 ? "customer" : "prospect";
      if (send(contact(stage, world.nextInt(5))).variant().equals(LIKES.get(stage))) {
        followed++;
      }
    }

    // then: most follow each stage's taste (about nine in ten measured; uniform choice would follow about half),
    // and the records say why
    assertThat(followed).isGreaterThanOrEqualTo(46);
    var predicted = predictedForLastSendTo("customer");
    assertThat(predicted.path("discount").asDouble()).isGreaterThan(predicted.path("guide").asDouble());
    var report = api.get("/api/content/{template}", "test-offer").getBody();
    assertThat(report.at("/slots/0/coldStart").asBoolean()).isFalse();
    assertThat(report.at("/slots/0/variants")).allSatisfy(variant -> {
      assertThat(variant.path("settled").asLong()).isPositive();
      assertThat(variant.path("interval95")).hasSize(2);
    });
    assertThat(report.at("/slots/0/variants/0/topFeatures/0/feature").asText()).isNotEmpty();
  }

  @Test
  void answers404ForATemplateWithoutVariantsOrUnknown() {
    assertThat(api.get("/api/content/{template}", "welcome").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    var unknown = api.get("/api/content/{template}", "no-such-template");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().path("detail").asText()).contains("no-such-template");
  }

  @Test
  void previewRefusesATemplateWithABrokenVariantNamingTheFile() {
    var preview = api.get("/api/templates/{name}/preview?contactId={id}", "check-broken-variant", contact("customer", 0));

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(preview.getBody().path("detail").asText()).contains("check-broken-variant.cta.broken.html");
  }

  /** Starts the journey for the contact, runs its step, and reads the message it queued. */
  private Sent send(String contact) {
    var processInstance = api.track(contact, "test_offer", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, processInstance);
    var html = jdbc.sql("SELECT html_body FROM email_message WHERE process_instance_id = ?").param(processInstance)
        .query(String.class).single();
    var variant = html.contains("Take 10% off") ? "discount" : "guide";
    return new Sent(variant, first(TRACKED_LINK, html), first(PIXEL, html));
  }

  private JsonNode predictedForLastSendTo(String stage) throws Exception {
    var json = jdbc.sql("""
            SELECT c.predicted FROM content_choice c WHERE c.template = 'test-offer' AND c.contact_id LIKE ?
             ORDER BY c.chosen_at DESC FETCH FIRST 1 ROWS ONLY""")
        .param(run + "-" + stage + "-%").query(String.class).single();
    return new ObjectMapper().readTree(json);
  }

  /** GETs a tracking link as a mail client would, without following the redirect out of loopback. */
  private int get(String path) throws Exception {
    var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String contact(String stage, int number) {
    return run + "-" + stage + "-" + number;
  }

  private static String first(Pattern pattern, String html) {
    var matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("a link matching %s in %s", pattern, html).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  private record Sent(String variant, String clickLink, String pixel) {
  }
}
