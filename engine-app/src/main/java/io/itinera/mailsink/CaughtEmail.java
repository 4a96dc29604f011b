package io.itinera.mailsink;

import java.time.Instant;
import java.util.List;

/** One message the mail sink caught; {@code html} or {@code text} is null when the message has no such part. */
record CaughtEmail(int id, Instant receivedAt, String from, List<String> to, String subject, String text, String html) {
}
