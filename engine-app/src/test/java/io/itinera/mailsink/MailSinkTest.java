package io.itinera.mailsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import jakarta.mail.MessagingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** With no SMTP server configured, what the app sends over SMTP can be read at /mail-sink. */
@ItineraAppTest
class MailSinkTest {

  @Autowired
  JavaMailSender mailSender;
  @Autowired
  TestRestTemplate http;

  @Test
  void catchesEmailSentOverSmtpAndShowsItsParts() throws MessagingException {
    var subject = "Welcome aboard " + System.nanoTime();
    send(subject, "Hello Ann, plain", "<p>Hello <b>Ann</b></p>");

    var caught = asAdministrator().exchange("/mail-sink/messages", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<CaughtEmail>>() { }).getBody();

    assertThat(caught).filteredOn(email -> subject.equals(email.subject())).singleElement()
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
  void answersNotFoundForAnUnknownMessage() {
    assertThat(asAdministrator().getForEntity("/mail-sink/messages/{id}/body", String.class, 999_999).getStatusCode())
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

  private int idOf(String subject) {
    var caught = asAdministrator().exchange("/mail-sink/messages", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<CaughtEmail>>() { }).getBody();
    return caught.stream().filter(email -> subject.equals(email.subject())).findFirst().orElseThrow().id();
  }

  /** On PostgreSQL the sink is for administrators only; on the embedded defaults the login is simply not asked for. */
  private TestRestTemplate asAdministrator() {
    return http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
  }
}
