package io.itinera.mailsink;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the embedded mail sink caught, decoded into subject, text and HTML. */
class CaughtEmails {

  private final GreenMail sink;

  CaughtEmails(GreenMail sink) {
    this.sink = sink;
  }

  /** Newest first. */
  List<CaughtEmail> all() {
    var messages = sink.getReceivedMessages();
    var emails = new ArrayList<CaughtEmail>(messages.length);
    for (int id = 0; id < messages.length; id++) {
      emails.add(read(id, messages[id]));
    }
    emails.sort(Comparator.comparingInt(CaughtEmail::id).reversed());
    return emails;
  }

  Optional<CaughtEmail> byId(int id) {
    var messages = sink.getReceivedMessages();
    return id >= 0 && id < messages.length ? Optional.of(read(id, messages[id])) : Optional.empty();
  }

  private static CaughtEmail read(int id, MimeMessage message) {
    try {
      var bodies = new HashMap<String, String>();
      collectBodies(message, bodies);
      var received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
      return new CaughtEmail(
          id,
          received == null ? null : received.toInstant(),
          addresses(message.getFrom()).stream().findFirst().orElse(null),
          addresses(message.getAllRecipients()),
          message.getSubject(),
          bodies.get("text/plain"),
          bodies.get("text/html"));
    } catch (MessagingException e) {
      throw new IllegalStateException("The mail sink holds an unreadable message #" + id, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectBodies(Part part, Map<String, String> bodies) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectBodies(multipart.getBodyPart(i), bodies);
      }
    } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      var type = part.isMimeType("text/html") ? "text/html" : "text/plain";
      bodies.putIfAbsent(type, String.valueOf(part.getContent()));
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }
}
