package io.itinera;

import com.icegreen.greenmail.util.GreenMail;
import io.itinera.email.OutboxDispatcher;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What one address received from the app's SMTP server, after the outbox was dispatched. */
public final class TestInbox {

  private TestInbox() {
  }

  /** Sends everything due in the outbox, as the background dispatcher would. */
  public static void dispatch(OutboxDispatcher dispatcher) {
    while (dispatcher.dispatchDue() > 0) {
      // until nothing due is left
    }
  }

  public static List<MimeMessage> of(GreenMail smtpServer, String address) {
    return Arrays.stream(smtpServer.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
            .anyMatch(recipient -> recipient.toString().equals(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  public static List<String> subjects(GreenMail smtpServer, String address) {
    return of(smtpServer, address).stream().map(message -> {
      try {
        return message.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
