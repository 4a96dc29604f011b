package io.itinera.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.email.EmailLinks;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Unsubscribe links name the email, never the contact, and stop working long after the email. */
@ItineraAppTest
class UnsubscribeLinkTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  Outbox outbox;
  @Autowired
  EmailLinks links;
  @Autowired
  TrackingTokens tokens;

  private final String contact = "c-" + UUID.randomUUID();
  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void keepsTheContactOutOfTheLink() {
    var message = marketingEmail();
    var link = links.unsubscribeUrl(message.id());

    var payload = new String(Base64.getUrlDecoder().decode(link.replaceAll(".*/u/([^.]+)\\..*", "$1")),
        StandardCharsets.UTF_8);

    assertThat(payload).doesNotContain(contact).contains(message.id());
  }

  @Test
  void unsubscribesTheRecipientOfTheEmail() {
    var path = path(links.unsubscribeUrl(marketingEmail().id()));

    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.postForEntity(path, null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(subscription()).isEqualTo("unsubscribed");
  }

  @Test
  void refusesALinkFromAnEmailOlderThanTwoYears() {
    var path = path(links.unsubscribeUrl(marketingEmail().id()));
    EngineTime.advance(Duration.ofDays(731));

    var page = http.getForEntity(path, String.class);
    var post = http.postForEntity(path, null, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(page.getBody()).contains("expired");
    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(subscription()).isEqualTo("subscribed");
  }

  @Test
  void stillHonoursLinksSentBeforeTheyBecameOpaque() {
    var legacy = "/u/" + tokens.sign(EmailLinks.UNSUBSCRIBE, contact, marketingEmail().id());

    assertThat(http.postForEntity(legacy, null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(subscription()).isEqualTo("unsubscribed");
  }

  @Test
  void refusesAForgedLink() {
    var forged = "/u/" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("u\n" + marketingEmail().id()).getBytes(StandardCharsets.UTF_8)) + ".AAAA";

    assertThat(http.postForEntity(forged, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(subscription()).isEqualTo("subscribed");
  }

  private OutboxMessage marketingEmail() {
    if (outbox.ofContact(contact).isEmpty()) {
      var run = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
      EngineJobs.runDue(management, run);
    }
    return outbox.ofContact(contact).stream()
        .filter(message -> message.category().name().equals("MARKETING")).findFirst().orElseThrow();
  }

  private String subscription() {
    return api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText();
  }

  private static String path(String url) {
    return url.replaceFirst("^https?://[^/]+", "");
  }
}
