package io.itinera.email;

import io.itinera.outbox.MessageStatus;

/** What a Send email step did: queued a message, or skipped it for a reason. */
public record QueueResult(String messageId, MessageStatus status, String reason) {
}
