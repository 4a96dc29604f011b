package io.itinera.mailsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestInbox;
import io.itinera.TestJourneys;
import io.itinera.email.OutboxDispatcher;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** With no SMTP server configured, what the app sends over SMTP can be read at /mail-sink, headers and source. */
@ItineraAppTest
class MailSinkTest {

  @Autowired
  JavaMailSender mailSender;
  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  OutboxDispatcher dispatcher;

  @Test
  void catchesEmailSentOverSmtpAndShowsItsParts() throws MessagingException {
    var subject = "Welcome aboard " + System.nanoTime();
    send(subject, "Hello Ann, plain", "<p>Hello <b>Ann</b></p>");

    assertThat(caught()).filteredOn(email -> subject.equals(email.subject())).singleElement()
        .satisfies(email -> {
          assertThat(email.from()).isEqualTo("hello@itinera.test");
          assertThat(email.to()).containsExactly("ann@example.com");
          assertThat(email.text()).isEqualTo("Hello Ann, plain");
          assertThat(email.html()).isEqualTo("<p>Hello <b>Ann</b></p>");
          assertThat(email.receivedAt()).isNotNull();
        });
  }

  @Test
  void servesTheHtmlBodySandboxedSoTheEmailCannotRunScriptsInOurOrigin() throws MessagingException {
    var subject = "Sandboxed " + System.nanoTime();
    send(subject, "text", "<p>body</p>");
    var id = idOf(subject);

    var body = asAdministrator().getForEntity("/mail-sink/messages/{id}/body", String.class, id);

    assertThat(body.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
    assertThat(body.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
    assertThat(body.getBody()).isEqualTo("<p>body</p>");
  }

  @Test
  void listsCaughtEmailOnAPageWithSubjectsEscaped() throws MessagingException {
    send("<script>alert(1)</script>", "text", "<p>html</p>");

    var page = asAdministrator().getForEntity("/mail-sink", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void showsEveryHeaderTheTextPartAndTheRawSourceOfAJourneysEmailWithALinkToItsContact() {
    var contact = "sink-" + UUID.randomUUID();
    var address = contact + "@example.com";
    var api = new ApiClient(http);
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    try {
      api.put("/api/contacts/{id}", Map.of("email", address, "timezone", "Europe/Berlin",
          "attributes", Map.of("firstName", "Ann")), contact);
      var run = api.track(contact, "signup", Map.of("source", "website")).at("/started/0/processInstanceId").asText();
      EngineJobs.runDue(management, run);
      TestInbox.dispatch(dispatcher);
    } finally {
      EngineTime.reset();
    }
    var welcome = caught().stream().filter(email -> email.to().contains(address)).findFirst().orElseThrow();

    var page = asAdministrator().getForObject("/mail-sink/messages/{id}", String.class, welcome.id());

    assertThat(welcome.contactId()).isEqualTo(contact);
    assertThat(welcome.headers()).extracting(CaughtEmail.Header::name)
        .contains("Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post", "Content-Type");
    assertThat(page).contains("List-Unsubscribe", "List-Unsubscribe=One-Click", "Message-ID",
            HtmlUtils.htmlEscape(welcome.messageId()), "multipart/", "Ann")
        .contains("href=\"/api/contacts/" + contact + "\"");
    var source = asAdministrator().getForEntity("/mail-sink/messages/{id}/source", String.class, welcome.id());
    assertThat(source.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue());
    assertThat(source.getBody()).contains("Message-ID: " + welcome.messageId()).contains("Content-Type: text/html");
  }

  @Test
  void escapesWhatTheMessageHoldsOnItsPage() throws MessagingException {
    var subject = "<script>alert('subject')</script> " + System.nanoTime();
    send(subject, "<script>alert('text')</script>", "<p>html</p>");

    var page = asAdministrator().getForObject("/mail-sink/messages/{id}", String.class, idOf(subject));

    assertThat(page).contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;",
        "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;").doesNotContain("<script>");
  }

  @Test
  void answersNotFoundForAnUnknownMessage() {
    assertThat(asAdministrator().getForEntity("/mail-sink/messages/{id}/body", String.class, Long.MAX_VALUE).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void send(String subject, String text, String html) throws MessagingException {
    var message = mailSender.createMimeMessage();
    var helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("hello@itinera.test");
    helper.setTo("ann@example.com");
    helper.setSubject(subject);
    helper.setText(text, html);
    mailSender.send(message);
  }

  private List<CaughtEmail> caught() {
    return asAdministrator().exchange("/mail-sink/messages", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<CaughtEmail>>() { }).getBody();
  }

  private long idOf(String subject) {
    return caught().stream().filter(email -> subject.equals(email.subject())).findFirst().orElseThrow().id();
  }

  /** On PostgreSQL the sink is for administrators only; on the embedded defaults the login is simply not asked for. */
  private TestRestTemplate asAdministrator() {
    return http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
  }
}
