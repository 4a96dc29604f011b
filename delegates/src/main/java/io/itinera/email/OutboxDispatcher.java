package io.itinera.email;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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
 * Sends what the outbox holds. A batch is claimed under a token of its own in one short transaction
 * (rows other nodes are claiming are skipped) and sent over one SMTP connection. The lease is short
 * and covers only what is being sent: just before each message the dispatcher renews that message's
 * lease and sends only if it still holds the claim, then marks it sent in its own transaction the
 * moment the server accepted it. A message a slow batch did not reach in time goes to another node,
 * never to both; a dead node's claims return after one lease. The one message a node was sending
 * when it died goes out again: at least once, with the same Message-ID.
 */
@Component
public class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final Outbox outbox;
  private final JavaMailSenderImpl mail;
  private final EmailLinks links;
  private final EmailProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final EmailMetrics metrics;

  OutboxDispatcher(Outbox outbox, JavaMailSenderImpl mail, EmailLinks links, EmailProperties properties,
      TransactionTemplate transaction, Clock clock, EmailMetrics metrics) {
    this.outbox = outbox;
    this.mail = mail;
    this.links = links;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Sends one batch of due messages; returns how many the batch held, so a caller can go on while it was full. */
  public int dispatchDue() {
    var dispatch = properties.dispatch();
    var now = clock.instant();
    var owner = UUID.randomUUID().toString();
    List<OutboxMessage> batch = transaction.execute(
        status -> outbox.claim(dispatch.batchSize(), now, now.plus(dispatch.lease()), owner));
    if (batch == null || batch.isEmpty()) {
      return 0;
    }
    Transport transport;
    try {
      transport = connect();
    } catch (MessagingException unreachable) {
      log.warn("SMTP server {}:{} unreachable, {} messages wait: {}", mail.getHost(), mail.getPort(), batch.size(),
          unreachable.getMessage());
      batch.forEach(message -> later(message, owner, "SMTP server unreachable: " + unreachable.getMessage()));
      return batch.size();
    }
    try {
      batch.forEach(message -> send(transport, message, owner));
    } finally {
      close(transport);
    }
    return batch.size();
  }

  private void send(Transport transport, OutboxMessage message, String owner) {
    var renewed = transaction.execute(status ->
        outbox.renew(message.id(), owner, clock.instant().plus(properties.dispatch().lease())));
    if (!Boolean.TRUE.equals(renewed)) {
      log.debug("Message {} was taken over by another dispatcher after its lease ended", message.id());
      return;
    }
    try {
      var mime = mime(message);
      transport.sendMessage(mime, mime.getAllRecipients());
      finish(message, () -> outbox.markSent(message.id(), owner, clock.instant()));
      metrics.sent(message);
    } catch (MessagingException | UnsupportedEncodingException failed) {
      var code = smtpCode(failed);
      if (code >= 500) {
        finish(message, () -> outbox.markFailed(message.id(), owner, message.attempts() + 1,
            "SMTP " + code + ": " + failed.getMessage()));
        metrics.failed(message);
      } else {
        later(message, owner, failed.getMessage());
      }
    }
  }

  /** Transient trouble: again after a delay that doubles with each attempt, until the attempts run out. */
  private void later(OutboxMessage claimed, String owner, String reason) {
    var dispatch = properties.dispatch();
    var attempts = claimed.attempts() + 1;
    if (attempts >= dispatch.maxAttempts()) {
      finish(claimed, () -> outbox.markFailed(claimed.id(), owner, attempts,
          "gave up after " + attempts + " attempts: " + reason));
      metrics.failed(claimed);
    } else {
      var delay = dispatch.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
      finish(claimed, () -> outbox.retryLater(claimed.id(), owner, attempts, clock.instant().plus(delay), reason));
    }
  }

  /**
   * Records the outcome in its own transaction. It only misses if one send outlasted the lease
   * (the SMTP timeouts must stay below it): then the new owner sends the message again.
   */
  private void finish(OutboxMessage message, BooleanSupplier update) {
    if (!Boolean.TRUE.equals(transaction.execute(status -> update.getAsBoolean()))) {
      log.warn("Message {} outlasted its lease of {} and was taken over: it may go out twice; keep the SMTP"
          + " timeouts below the lease", message.id(), properties.dispatch().lease());
    }
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
    if (message.category() == EmailCategory.MARKETING) {
      // RFC 2369 and RFC 8058: mailbox providers show an unsubscribe button and may POST to it.
      mime.setHeader("List-Unsubscribe", "<" + links.unsubscribeMailto(message.id()) + ">, <"
          + links.unsubscribeUrl(message.id()) + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    mime.saveChanges();
    return mime;
  }

  private Transport connect() throws MessagingException {
    var transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
    transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
    return transport;
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      log.debug("Closing the SMTP connection failed: {}", e.getMessage());
    }
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
