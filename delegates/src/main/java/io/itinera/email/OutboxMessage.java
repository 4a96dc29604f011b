package io.itinera.email;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.Outgoing;
import java.time.Instant;

/**
 * A message in the outbox, as the API shows it and the dispatcher sends it. {@code nextAttemptAt}
 * is when a queued message is due (after quiet hours or a retry delay) or when a claim's lease ends.
 */
public record OutboxMessage(
    String id,
    String contactId,
    String journeyKey,
    String processInstanceId,
    String template,
    MessageCategory category,
    String recipient,
    String sender,
    String replyTo,
    String subject,
    String html,
    String text,
    MessageStatus status,
    String reason,
    int attempts,
    Instant createdAt,
    Instant sentAt,
    Instant nextAttemptAt) implements Outgoing {
}
