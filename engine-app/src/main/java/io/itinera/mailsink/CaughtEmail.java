package io.itinera.mailsink;

import java.time.Instant;
import java.util.List;

/**
 * One message the mail sink caught, as it was received: every header in order, and the text and HTML parts
 * ({@code null} when the message has no such part). {@code contactId} is the contact it was sent to when the
 * Message-ID is one of our outbox's, else {@code null}.
 */
record CaughtEmail(long id, Instant receivedAt, String from, List<String> to, String subject, String messageId,
    String contactId, List<Header> headers, String text, String html) {

  /** One header line, unfolded, its value as sent (encoded words are left encoded, as in the raw source). */
  record Header(String name, String value) {
  }
}
