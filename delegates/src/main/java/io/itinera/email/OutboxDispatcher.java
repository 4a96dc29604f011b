package io.itinera.email;

import io.itinera.outbox.Channel;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.OutboxDispatch;
import io.itinera.outbox.SendFailure;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the email outbox over SMTP, one connection per claimed batch, with the claim, lease and retry
 * rules of every outbox ({@link OutboxDispatch}): at least once, and a message sent again carries the
 * same Message-ID. An SMTP 5xx fails the message for good; anything else is tried again later.
 */
@Component
public class OutboxDispatcher implements Channel<OutboxMessage> {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final JavaMailSenderImpl mail;
  private final EmailLinks links;
  private final EmailProperties properties;
  private final EmailMetrics metrics;
  private final OutboxDispatch<OutboxMessage> dispatch;

  OutboxDispatcher(Outbox outbox, JavaMailSenderImpl mail, EmailLinks links, EmailProperties properties,
      TransactionTemplate transaction, Clock clock, EmailMetrics metrics) {
    this.mail = mail;
    this.links = links;
    this.properties = properties;
    this.metrics = metrics;
    this.dispatch = new OutboxDispatch<>(outbox, this, properties.dispatch(), transaction, clock);
  }

  /** Sends one batch of due messages; returns how many the batch held, so a caller can go on while it was full. */
  public int dispatchDue() {
    return dispatch.dispatchDue();
  }

  /** Sends batches while they come back full. */
  public void drain() {
    dispatch.drain();
  }

  @Override
  public String server() {
    return "SMTP server " + mail.getHost() + ":" + mail.getPort();
  }

  @Override
  public Connection<OutboxMessage> open() throws SendFailure {
    final Transport transport;
    try {
      transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
      transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
    } catch (MessagingException unreachable) {
      throw new SendFailure(unreachable.getMessage(), false, unreachable);
    }
    return new Connection<>() {
      @Override
      public String send(OutboxMessage message) throws SendFailure {
        try {
          var mime = mime(message);
          transport.sendMessage(mime, mime.getAllRecipients());
          return null;
        } catch (MessagingException | UnsupportedEncodingException failed) {
          var code = smtpCode(failed);
          throw code >= 500
              ? new SendFailure("SMTP " + code + ": " + failed.getMessage(), true, failed)
              : new SendFailure(failed.getMessage(), false, failed);
        }
      }

      @Override
      public void close() {
        try {
          transport.close();
        } catch (MessagingException e) {
          log.debug("Closing the SMTP connection failed: {}", e.getMessage());
        }
      }
    };
  }

  @Override
  public void sent(OutboxMessage message) {
    metrics.sent(message);
  }

  @Override
  public void failed(OutboxMessage message) {
    metrics.failed(message);
  }

  private MimeMessage mime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
    var mime = new StableIdMimeMessage(mail.getSession(), "<" + message.id() + "@" + properties.domain() + ">");
    var helper = new TextAndHtmlHelper(mime);
    helper.setFrom(new InternetAddress(message.sender(), properties.fromName(), "UTF-8"));
    helper.setTo(message.recipient());
    if (message.replyTo() != null) {
      helper.setReplyTo(message.replyTo());
    }
    helper.setSubject(message.subject());
    helper.setText(message.text(), message.html());
    if (message.category() == MessageCategory.MARKETING) {
      // RFC 2369 and RFC 8058: mailbox providers show an unsubscribe button and may POST to it. No mailto:
      // entry: nothing reads such a mailbox, and an unsubscribe that goes nowhere is worse than none.
      mime.setHeader("List-Unsubscribe", "<" + links.unsubscribeUrl(message.id()) + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    mime.saveChanges();
    return mime;
  }

  /** The SMTP reply code behind a failure, or -1 when the server gave none (connection trouble). */
  private static int smtpCode(Exception failed) {
    for (Exception cause = failed; cause != null;
         cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null) {
      if (cause instanceof SMTPSendFailedException refused) {
        return refused.getReturnCode();
      }
      if (cause instanceof SMTPAddressFailedException rejected) {
        return rejected.getReturnCode();
      }
    }
    return -1;
  }

  /**
   * Spring's helper loads the table of MIME types for attachments anew for each message unless the
   * message came from its sender; ours carry no attachments, so they share one.
   */
  private static final class TextAndHtmlHelper extends MimeMessageHelper {
    private static final FileTypeMap NO_ATTACHMENTS = new ConfigurableMimeFileTypeMap();

    TextAndHtmlHelper(MimeMessage mime) throws MessagingException {
      super(mime, true, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return NO_ATTACHMENTS;
    }
  }

  /** Keeps the Message-ID we chose: the same message sent again must carry the same id. */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
