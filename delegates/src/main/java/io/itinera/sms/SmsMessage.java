package io.itinera.sms;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.Outgoing;
import java.time.Instant;

/**
 * An SMS in the outbox, as the API shows it and the dispatcher sends it. {@code nextAttemptAt} is when a
 * queued message is due (after quiet hours or a retry delay) or when a claim's lease ends;
 * {@code smscMessageId} is the SMSC's id of its last part and {@code receipt} the state its delivery
 * receipt reported ({@code DELIVRD}, {@code UNDELIV}, ...), once one came.
 */
public record SmsMessage(
    String id,
    String contactId,
    String journeyKey,
    String processInstanceId,
    MessageCategory category,
    String recipient,
    String sender,
    String text,
    MessageStatus status,
    String reason,
    int attempts,
    Instant createdAt,
    Instant sentAt,
    Instant nextAttemptAt,
    String smscMessageId,
    String receipt,
    Instant receiptAt) implements Outgoing {
}
