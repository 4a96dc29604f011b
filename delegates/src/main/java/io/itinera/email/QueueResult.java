package io.itinera.email;

/** What a Send email step did: queued a message, or skipped it for a reason. */
public record QueueResult(String messageId, MessageStatus status, String reason) {
}
