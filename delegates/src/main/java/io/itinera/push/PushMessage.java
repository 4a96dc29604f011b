package io.itinera.push;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.Outgoing;
import java.time.Instant;

/**
 * A push message in the outbox, for one subscription of the contact, as the API shows it and the dispatcher
 * sends it. {@code nextAttemptAt} is when a queued message is due or a claim's lease ends; {@code
 * pushServiceId} the Location the push service gave the message.
 */
public record PushMessage(
    String id,
    String contactId,
    String journeyKey,
    String processInstanceId,
    MessageCategory category,
    String subscriptionId,
    String title,
    String body,
    String url,
    MessageStatus status,
    String reason,
    int attempts,
    Instant createdAt,
    Instant sentAt,
    Instant nextAttemptAt,
    String pushServiceId) implements Outgoing {
}
