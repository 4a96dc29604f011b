package io.itinera.mailsink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The mail sink's store: one file per message in its directory, read back by the next start, the newest kept. */
class CaughtEmailsTest {

  @TempDir
  Path directory;

  private GreenMail smtpServer;

  @AfterEach
  void stop() {
    if (smtpServer != null) {
      smtpServer.stop();
    }
  }

  @Test
  void showsAMessageCaughtBeforeARestartWithItsHeadersAndRawSource() throws MessagingException {
    listen(new CaughtEmails(directory, 10, messageId -> Optional.empty()));
    send("Before the restart", "<42@itinera.example>");
    smtpServer.stop();

    var afterRestart = new CaughtEmails(directory, 10, messageId -> Optional.of("ann"));

    assertThat(afterRestart.all()).singleElement().satisfies(email -> {
      assertThat(email.subject()).isEqualTo("Before the restart");
      assertThat(email.messageId()).isEqualTo("<42@itinera.example>");
      assertThat(email.contactId()).isEqualTo("ann");
      assertThat(email.text()).isEqualTo("Hello Ann");
      assertThat(email.headers()).contains(
          new CaughtEmail.Header("Message-ID", "<42@itinera.example>"),
          new CaughtEmail.Header("List-Unsubscribe", "<mailto:unsubscribe@itinera.example?subject=1>"));
      assertThat(new String(afterRestart.source(email.id()).orElseThrow(), StandardCharsets.UTF_8))
          .contains("Message-ID: <42@itinera.example>", "List-Unsubscribe: ", "Content-Type: multipart/");
    });
  }

  @Test
  void keepsOnlyTheNewestMessagesAndNumbersOnAfterARestart() throws MessagingException {
    listen(new CaughtEmails(directory, 2, messageId -> Optional.empty()));
    send("first", "<1@itinera.example>");
    send("second", "<2@itinera.example>");
    smtpServer.stop();

    var afterRestart = new CaughtEmails(directory, 2, messageId -> Optional.empty());
    listen(afterRestart);
    send("third", "<3@itinera.example>");

    assertThat(afterRestart.all()).extracting(CaughtEmail::id, CaughtEmail::subject)
        .containsExactly(tuple(3L, "third"), tuple(2L, "second"));
    assertThat(directory.toFile().list()).containsExactlyInAnyOrder("2.eml", "3.eml");
    send("fourth", "<4@itinera.example>");
    assertThat(smtpServer.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .containsExactly("third", "fourth");
  }

  @Test
  void keepsAMessageToSeveralRecipientsOnce() throws MessagingException {
    var caught = new CaughtEmails(directory, 10, messageId -> Optional.empty());
    listen(caught);
    var sender = sender();
    var message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom("hello@itinera.test");
    helper.setTo(new String[] {"ann@example.com", "bob@example.com"});
    helper.setSubject("To two");
    helper.setText("Hello both");
    sender.send(message);

    assertThat(caught.all()).singleElement()
        .satisfies(email -> assertThat(email.to()).containsExactly("ann@example.com", "bob@example.com"));
  }

  private void listen(CaughtEmails caught) {
    smtpServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtpServer.start();
    caught.catchFrom(smtpServer);
  }

  private void send(String subject, String messageId) throws MessagingException {
    var sender = sender();
    var message = new MimeMessage(sender.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    var helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("hello@itinera.test");
    helper.setTo("ann@example.com");
    helper.setSubject(subject);
    helper.setText("Hello Ann", "<p>Hello <b>Ann</b></p>");
    message.setHeader("List-Unsubscribe", "<mailto:unsubscribe@itinera.example?subject=1>");
    sender.send(message);
  }

  private JavaMailSenderImpl sender() {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpServer.getSmtp().getPort());
    return sender;
  }
}
