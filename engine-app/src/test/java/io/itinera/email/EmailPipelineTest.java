package io.itinera.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.content.ContentStep;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.Pacing;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.LinkedMultiValueMap;

/** The email pipeline end to end: journey step, outbox, dispatcher, a real SMTP server, links back in. */
@ItineraAppTest
class EmailPipelineTest {

  private static final Pattern TRACKED_TEXT_LINK =
      Pattern.compile("http://localhost:8080(/t/c/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
  private static final Pattern PIXEL = Pattern.compile("src=\"http://localhost:8080(/t/o/[^\"]+)\"");
  private static final Pattern TRACKED_LINK = Pattern.compile("href=\"http://localhost:8080(/t/c/[^\"]+)\"");

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  JavaMailSenderImpl mailSender;
  @Autowired
  GreenMail smtpServer;
  @Autowired
  EmailQueue queue;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();
  private final String address = contact + "@example.com";

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin",
        "attributes", Map.of("firstName", "Ann")), contact);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void sendsThePersonalisedWelcomeEmailWithTextPartAndUnsubscribeHeaders() throws Exception {
    var run = signUp();

    runJobsAndDispatch(run);

    var welcome = single(inbox());
    assertThat(welcome.getSubject()).isNotBlank();
    assertThat(body(welcome, "text/html")).contains("Ann");
    assertThat(body(welcome, "text/plain")).contains("Ann").contains("/u/");
    assertThat(welcome.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/u/").doesNotContain("mailto:");
    assertThat(welcome.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(welcome.getMessageID()).matches("<[0-9a-f-]{36}@itinera\\.example>");
    assertThat(messages()).singleElement()
        .satisfies(message -> assertThat(message.get("status").asText()).isEqualTo("SENT"));
  }

  /** The step knows only that it queued the email; sending is the outbox's, later, outside the run. */
  @Test
  void namesTheStepsOutcomeForWhatItIsTheEmailQueuedNotSent() {
    var run = signUp();

    runJobsAndDispatch(run);

    assertThat(runtime.getVariable(run, "lastEmailQueueStatus")).isEqualTo("QUEUED");
    assertThat(runtime.getVariables(run)).doesNotContainKey("lastEmailStatus");
    assertThat(messages()).singleElement()
        .satisfies(message -> assertThat(message.get("status").asText()).isEqualTo("SENT"));
  }

  @Test
  void walksAnEngagedCustomerThroughTheWelcomeSeriesToTheSuccessEmail() throws Exception {
    // Signs up at 19:00 in Berlin: a day later business hours are over, so the introduction waits for 09:00.
    EngineTime.advance(Duration.ofHours(7));
    var run = signUp();
    runJobsAndDispatch(run);
    open(single(inbox()));
    // 7 purchases and an open: 71 points, which decay to about 55 over the four to six days of the series.
    for (int purchase = 0; purchase < 7; purchase++) {
      api.track(contact, "purchase", Map.of("order", purchase));
    }

    passTime(run, Duration.ofHours(24));
    var businessHours = management.createJobQuery().processInstanceId(run).activityId("Timer_WaitForBusinessHours")
        .singleResult().getDuedate();
    passTime(run, Duration.between(EngineTime.now(), businessHours.toInstant()));
    passTime(run, Duration.ofHours(72));

    assertThat(templates()).containsExactly("welcome", "product-introduction", "success");
    assertThat(inbox()).hasSize(3);
  }

  @Test
  void walksASilentContactThroughThePromptToTheNurtureEmail() throws Exception {
    var run = signUp();
    runJobsAndDispatch(run);
    // 30 points, about 24 after the four days of the series: between 20 and 50.
    for (int purchase = 0; purchase < 3; purchase++) {
      api.track(contact, "purchase", Map.of());
    }

    passTime(run, Duration.ofHours(24));
    passTime(run, Duration.ofHours(6));
    passTime(run, Duration.ofHours(72));

    assertThat(templates()).containsExactly("welcome", "engagement-prompt", "nurture");
  }

  @Test
  void walksASilentContactWithoutScoreToTheLowEngagementEmail() throws Exception {
    var run = signUp();

    runJobsAndDispatch(run);
    passTime(run, Duration.ofHours(24));
    passTime(run, Duration.ofHours(6));
    passTime(run, Duration.ofHours(72));

    assertThat(templates()).containsExactly("welcome", "engagement-prompt", "low-engagement");
    assertThat(inbox()).hasSize(3);
  }

  @Test
  void queuesOnceWhenTheStepFailsAfterQueueingAndIsRetried() throws Exception {
    var run = api.track(contact, "test_flaky", Map.of()).at("/started/0/processInstanceId").asText();
    var job = management.createJobQuery().processInstanceId(run).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("allowed");
    assertThat(messages()).isEmpty();
    runtime.setVariable(run, "allowed", true);
    management.executeJob(job.getId());
    dispatchAll();

    assertThat(messages()).hasSize(1);
    assertThat(inbox()).hasSize(1);
  }

  @Test
  void holdsMarketingEmailThroughTheContactsQuietHoursButNotTransactionalEmail() throws Exception {
    // 11:00 UTC is midnight in Auckland (UTC+13 in March): quiet hours until 08:00 there.
    api.put("/api/contacts/{id}", Map.of("timezone", "Pacific/Auckland"), contact);
    var run = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);

    dispatchAll();
    assertThat(inbox()).hasSize(1);
    assertThat(messages()).extracting(message -> message.get("category").asText() + " " + message.get("status").asText())
        .containsExactlyInAnyOrder("MARKETING QUEUED", "TRANSACTIONAL SENT");
    assertThat(messages()).filteredOn(message -> message.get("status").asText().equals("QUEUED")).singleElement()
        .satisfies(held -> {
          assertThat(held.get("reason").asText()).isEqualTo("held by quiet hours (21:00-08:00 Pacific/Auckland)");
          assertThat(held.get("notBefore").asText()).isEqualTo("2026-03-04T19:00:00Z");
        });

    EngineTime.advance(Duration.ofHours(8));
    dispatchAll();

    assertThat(inbox()).hasSize(2);
  }

  @Test
  void answersNotFoundForTheMessagesOfAnUnknownContact() {
    var answer = api.get("/api/contacts/{id}/messages", "no-such-" + contact);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().get("detail").asText()).contains("no-such-" + contact);
  }

  @Test
  void cutsASubjectThatAVeryLongFirstNameWouldPushPastOneHeaderLine() throws Exception {
    api.put("/api/contacts/{id}", Map.of("attributes", Map.of("firstName", "Ann".repeat(333))), contact);

    runJobsAndDispatch(signUp());

    var subject = single(inbox()).getSubject();
    assertThat(subject).hasSize(998 - "Subject: ".length()).contains("AnnAnn").endsWith("\u2026");
    assertThat(messages()).singleElement().satisfies(message -> assertThat(message.get("status").asText())
        .isEqualTo("SENT"));
  }

  @Test
  void queuesAStepThatRunsTwiceOnlyOnce() {
    var step = new EmailStep(contact, "welcome-series", null, "welcome", MessageCategory.MARKETING, null, null, null,
        Pacing.SKIP, "Task_SendWelcomeEmail", "run-" + contact + ":Task_SendWelcomeEmail", ContentStep.FIXED);

    var first = queue.queue(step, Map.of());
    var second = queue.queue(step, Map.of());

    assertThat(first.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(second.messageId()).isNull();
    assertThat(messages()).hasSize(1);
  }

  @Test
  void sendsEachMessageOnceWhenTwoDispatchersRunAtOnce() throws Exception {
    var runs = new ArrayList<String>();
    for (int i = 0; i < 12; i++) {
      runs.add(api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText());
      EngineTime.advance(Duration.ofDays(1));
    }
    runs.forEach(run -> EngineJobs.runDue(management, run));
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Void> node = () -> {
        dispatchAll();
        return null;
      };
      for (var done : pool.invokeAll(List.of(node, node))) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    var queued = messages().stream().filter(message -> !message.get("status").asText().equals("SKIPPED")).count();
    assertThat(inbox()).hasSize((int) queued);
    assertThat(inbox()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    assertThat(messages()).extracting(message -> message.get("status").asText()).doesNotContain("QUEUED", "SENDING");
  }

  @Test
  void deliversEveryQueuedEmailOnceWhenTheSmtpServerComesBack() throws Exception {
    var run = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    var port = mailSender.getPort();
    try {
      mailSender.setPort(closedPort());
      dispatchAll();
      assertThat(messages()).extracting(message -> message.get("status").asText()).containsOnly("QUEUED");
      assertThat(inbox()).isEmpty();
    } finally {
      mailSender.setPort(port);
    }

    EngineTime.advance(Duration.ofMinutes(2));
    dispatchAll();
    dispatchAll();

    assertThat(messages()).extracting(message -> message.get("status").asText()).containsOnly("SENT");
    assertThat(inbox()).hasSize(2);
    assertThat(inbox()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
  }

  @Test
  void stopsMarketingButNotTransactionalEmailAfterAOneClickUnsubscribe() throws Exception {
    var run = signUp();
    runJobsAndDispatch(run);
    var unsubscribeUrl = single(inbox()).getHeader("List-Unsubscribe")[0].replaceAll(".*<http://localhost:8080([^>]+)>.*", "$1");

    var form = new LinkedMultiValueMap<String, String>();
    form.add("List-Unsubscribe", "One-Click");
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    var unsubscribed = http.postForEntity(unsubscribeUrl, new HttpEntity<>(form, headers), String.class);
    var emails = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, emails);
    dispatchAll();

    assertThat(unsubscribed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText()).isEqualTo("unsubscribed");
    assertThat(messages()).extracting(message -> message.get("category").asText() + " " + message.get("status").asText())
        .contains("MARKETING SKIPPED", "TRANSACTIONAL SENT");
    assertThat(inbox()).hasSize(2);
  }

  @Test
  void showsAConfirmationPageBeforeUnsubscribingFromTheLink() throws Exception {
    runJobsAndDispatch(signUp());
    var link = single(inbox()).getHeader("List-Unsubscribe")[0].replaceAll(".*<http://localhost:8080([^>]+)>.*", "$1");

    var page = http.getForEntity(link, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<form method=\"post\"");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText()).isEqualTo("subscribed");
  }

  @Test
  void countsAnOpenAndAClickAndRedirectsOnlyWhereTheEmailLinked() throws Exception {
    runJobsAndDispatch(signUp());
    var welcome = single(inbox());
    var html = body(welcome, "text/html");
    var click = firstMatch(TRACKED_LINK, html);

    open(welcome);
    open(welcome);
    var redirect = withoutFollowingRedirects(click);

    assertThat(redirect.statusCode()).isEqualTo(HttpStatus.FOUND.value());
    var untracked = api.get("/api/templates/welcome/preview?contactId={id}", contact).getBody().get("html").asText();
    assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(untracked).contains("href=\"" + location + "\""));
    var read = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(read.get("engagementScore").asDouble()).isEqualTo(4.0);
  }

  @Test
  void tracksTheLinksOfTheTextPartToo() throws Exception {
    runJobsAndDispatch(signUp());
    var text = body(single(inbox()), "text/plain");

    var redirect = withoutFollowingRedirects(firstMatch(TRACKED_TEXT_LINK, text));

    assertThat(text).doesNotContain("https://itinera.example/getting-started").contains("http://localhost:8080/u/");
    assertThat(redirect.statusCode()).isEqualTo(HttpStatus.FOUND.value());
    assertThat(redirect.headers().firstValue("Location")).contains("https://itinera.example/getting-started");
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("engagementScore").asDouble()).isPositive();
  }

  @Test
  void refusesForgedTrackingAndUnsubscribeTokens() throws Exception {
    runJobsAndDispatch(signUp());
    var click = firstMatch(TRACKED_LINK, body(single(inbox()), "text/html"));
    var forged = click.substring(0, click.lastIndexOf('.') + 1) + "AAAA" + click.substring(click.lastIndexOf('.') + 5);

    assertThat(http.getForEntity(forged, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/t/c/aHR0cHM6Ly9ldmlsLmV4YW1wbGU.c2ln", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/t/o/nothing-signed", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.postForEntity("/u/nothing-signed", null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("engagementScore").asDouble()).isZero();
  }

  @Test
  void skipsAndRecordsMarketingEmailSentTooSoonAfterTheLast() throws Exception {
    var first = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, first);
    EngineTime.advance(Duration.ofHours(1));
    var second = api.track(contact, "test_email", Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, second);
    dispatchAll();

    assertThat(messages()).filteredOn(message -> message.get("status").asText().equals("SKIPPED")).singleElement()
        .satisfies(message -> {
          assertThat(message.get("category").asText()).isEqualTo("MARKETING");
          assertThat(message.get("reason").asText()).startsWith("spacing: an email message went out PT1H before");
        });
    assertThat(inbox()).hasSize(3);
  }

  @Test
  void suppressesAnAddressOnAHardBounceAndAfterThreeSoftOnes() {
    var hard = api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "hard", "email", address)).getBody();
    var other = "soft-" + address;
    var soft = new ArrayList<JsonNode>();
    for (int bounce = 0; bounce < 3; bounce++) {
      soft.add(api.post("/api/feedback", Map.of("type", "bounce", "bounceType", "soft", "email", other)).getBody());
    }

    assertThat(hard.get("suppressed").asBoolean()).isTrue();
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("subscription").asText()).isEqualTo("suppressed");
    assertThat(soft).extracting(answer -> answer.get("suppressed").asBoolean()).containsExactly(false, false, true);
  }

  @Test
  void previewsATemplateForAContact() {
    var preview = api.get("/api/templates/{name}/preview?contactId={id}", "welcome", contact);
    var missing = api.get("/api/templates/{name}/preview?contactId={id}", "no-such-template", contact);

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(preview.getBody().get("html").asText()).contains("Ann");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(missing.getBody().get("detail").asText()).contains("no-such-template");
  }

  private String signUp() {
    return api.track(contact, "signup", Map.of("source", "website")).at("/started/0/processInstanceId").asText();
  }

  private void passTime(String run, Duration duration) {
    EngineTime.advance(duration);
    runJobsAndDispatch(run);
  }

  private void runJobsAndDispatch(String run) {
    EngineJobs.runDue(management, run);
    dispatchAll();
  }

  private void dispatchAll() {
    TestInbox.dispatch(dispatcher);
  }

  private void open(MimeMessage email) throws Exception {
    var pixel = http.getForEntity(firstMatch(PIXEL, body(email, "text/html")), byte[].class);
    assertThat(pixel.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pixel.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_GIF);
  }

  private List<MimeMessage> inbox() {
    return TestInbox.of(smtpServer, address);
  }

  private List<String> templates() {
    var sent = new ArrayList<String>();
    messages().forEach(message -> sent.add(0, message.get("template").asText()));
    return sent;
  }

  private List<JsonNode> messages() {
    var list = new ArrayList<JsonNode>();
    api.get("/api/contacts/{id}/messages", contact).getBody().forEach(list::add);
    return list;
  }

  private static MimeMessage single(List<MimeMessage> inbox) {
    assertThat(inbox).hasSize(1);
    return inbox.get(0);
  }

  private static String body(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return String.valueOf(part.getContent());
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var found = body(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String firstMatch(Pattern pattern, String html) {
    var matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("%s in %s", pattern, html).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }

  /** The redirect itself: following it would leave this machine. */
  private HttpResponse<Void> withoutFollowingRedirects(String path) throws Exception {
    var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    return client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
