package io.itinera.preference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.HeadlessChromium;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.TestSends;
import io.itinera.email.OutboxDispatcher;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The preference page every marketing email links to, opened from a real email the app sent to its mail sink:
 * in a real browser (Debian's chromium, when installed) a contact leaves a topic, joins another and pauses all
 * marketing; a forged link is a 404, a POST without the page's form stamp a 400; a topic defined after the page
 * was shown is not taken as unticked; the one-click unsubscribe of an email about a topic leaves only that topic.
 */
@ItineraAppTest
class PreferencePageTest {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  OutboxDispatcher dispatcher;

  private ApiClient api;
  private TestSends sends;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    sends = new TestSends(api, management, contact);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    sends.createContact(4);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  @EnabledIf("io.itinera.HeadlessChromium#installed")
  void aContactLeavesATopicJoinsAnotherAndPausesMarketingInARealBrowser() {
    var page = "http://127.0.0.1:" + port + linkInEmail("Choose what you get");
    var browser = HeadlessChromium.start();
    try {
      browser.get(page);
      assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
      assertThat(browser.findElements(By.tagName("legend"))).extracting(legend -> legend.getText())
          .contains("Newsletter", "Offers", "Take a break");
      var newsletterEmail = browser.findElement(By.id("newsletter-email"));
      assertThat(newsletterEmail.isSelected()).isTrue();
      assertThat(browser.findElement(By.cssSelector("label[for='newsletter-email']")).getText()).isEqualTo("Email");
      newsletterEmail.click();
      browser.findElement(By.id("offers-sms")).click();
      browser.findElement(By.id("pause-week")).click();
      browser.findElement(By.cssSelector("button[value='save']")).click();

      // The form posts, and the answer redirects back to the page: wait for the new page.
      var saved = new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role='status']")));
      assertThat(saved.getText()).isEqualTo("Your choices are saved.");
      assertThat(browser.findElement(By.id("newsletter-email")).isSelected()).isFalse();
      assertThat(browser.findElement(By.id("offers-sms")).isSelected()).isTrue();
    } finally {
      browser.quit();
    }
    var profile = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(profile.at("/topics/newsletter/email/subscribed").asBoolean()).isFalse();
    assertThat(profile.at("/topics/newsletter/email/source").asText()).isEqualTo("preference page");
    assertThat(profile.at("/topics/newsletter/sms/subscribed").asBoolean()).isTrue();
    assertThat(profile.at("/topics/offers/sms/subscribed").asBoolean()).isTrue();
    assertThat(profile.at("/topics/offers/email/subscribed").asBoolean()).isFalse();
    assertThat(profile.get("marketingPausedUntil").asText())
        .isEqualTo(EngineTime.NOON.plus(Duration.ofDays(7)).toString());

    EngineTime.advance(Duration.ofDays(1));
    sends.send(Map.of("text", "Spring offers", "category", "marketing", "topic", "offers"));
    assertThat(sends.last("sms").get("reason").asText())
        .isEqualTo("the contact paused all marketing until " + EngineTime.NOON.plus(Duration.ofDays(7)));
  }

  @Test
  void answersAnAlteredLinkWith404AndAFormWithoutTheStampWith400() {
    var link = linkInEmail("Choose what you get");
    var altered = link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA");

    assertThat(http.getForEntity(link, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity(altered, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(link, "action", "unsubscribe-all").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText()).isEqualTo("subscribed");
  }

  @Test
  void aPauseTakesBackTheMarketingThatWouldGoOutBeforeItEnds() {
    var page = linkInEmail("Choose what you get");
    // 23:00 in Berlin: marketing waits until 08:00.
    EngineTime.advance(Duration.ofHours(11));
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "product-updates"));
    var form = new LinkedMultiValueMap<String, String>();
    form.add("form", Jsoup.parse(http.getForObject(page, String.class)).select("input[name=form]").val());
    form.add("topic", "newsletter:email");
    form.add("topic", "product-updates:email");
    form.add("pause", "week");
    form.add("action", "save");

    post(page, form);

    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("marketingPausedUntil").asText())
        .isEqualTo(EngineTime.now().plus(Duration.ofDays(7)).toString());
    assertThat(sends.last("email").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(sends.last("email").get("reason").asText()).isEqualTo("the contact paused all marketing until "
        + EngineTime.now().plus(Duration.ofDays(7)) + " before it went out");
  }

  @Test
  void aTopicDefinedAfterThePageWasShownIsNotTakenAsUnticked() {
    var link = linkInEmail("Choose what you get");
    var page = Jsoup.parse(http.getForObject(link, String.class));
    var topic = "flash-" + UUID.randomUUID().toString().substring(0, 8);
    api.put("/api/topics/{name}", Map.of("default", "opt-out", "label", "Flash sales"), topic);
    // What a browser sends for the page as shown, saved without a change: a topic it did not show has no box.
    var form = new LinkedMultiValueMap<String, String>();
    form.add("form", page.select("input[name=form]").val());
    form.add("shown", page.select("input[name=shown]").val());
    page.select("input[name=topic][checked]").forEach(box -> form.add("topic", box.val()));
    form.add("pause", "keep");
    form.add("action", "save");

    post(link, form);

    var profile = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(profile.at("/topics/" + topic + "/email/subscribed").asBoolean()).isTrue();
    assertThat(profile.at("/topics/" + topic + "/email/source").asText()).isNotEqualTo("preference page");
    assertThat(profile.at("/topics/newsletter/email/source").asText()).isNotEqualTo("preference page");
  }

  @Test
  void oneClickUnsubscribeFromAnEmailAboutATopicLeavesOnlyThatTopicOnEmail() {
    var unsubscribe = linkInEmail("Unsubscribe");
    var confirmation = http.getForEntity(unsubscribe, String.class).getBody();

    var answer = post(unsubscribe, "List-Unsubscribe", "One-Click");

    assertThat(confirmation).contains("<h1>Unsubscribe from Newsletter?</h1>");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains("Newsletter</span> emails any more");
    var profile = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(profile.get("subscription").asText()).isEqualTo("subscribed");
    assertThat(profile.at("/topics/newsletter/email/subscribed").asBoolean()).isFalse();
    assertThat(profile.at("/topics/newsletter/email/source").asText()).isEqualTo("unsubscribe link");
    assertThat(profile.at("/topics/product-updates/email/subscribed").asBoolean()).isTrue();
  }

  /** Sends a marketing email about the newsletter to the mail sink; returns the path of its link with this text. */
  private String linkInEmail(String text) {
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));
    TestInbox.dispatch(dispatcher);
    var admin = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
    JsonNode caught = null;
    for (var email : admin.getForObject("/mail-sink/messages", JsonNode.class)) {
      if (contact.equals(email.path("contactId").asText())) {
        caught = email;
      }
    }
    assertThat(caught).as("the email in the mail sink").isNotNull();
    var href = Jsoup.parse(caught.get("html").asText()).select("a").stream()
        .filter(link -> link.text().equals(text)).findFirst().orElseThrow().attr("href");
    return href.replaceFirst("^https?://[^/]+", "");
  }

  private ResponseEntity<String> post(String path, String name, String value) {
    var form = new LinkedMultiValueMap<String, String>();
    form.add(name, value);
    return post(path, form);
  }

  private ResponseEntity<String> post(String path, LinkedMultiValueMap<String, String> form) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
