package io.itinera.outbox;

/** What a sending step (email, SMS) did: queued a message, or skipped it for a reason. */
public record QueueResult(String messageId, MessageStatus status, String reason) {

  /** A retried step whose message an earlier run already queued: nothing new. */
  public static QueueResult alreadyQueued() {
    return new QueueResult(null, MessageStatus.QUEUED, "already queued by an earlier run of this step");
  }

  public static QueueResult queued(String messageId) {
    return new QueueResult(messageId, MessageStatus.QUEUED, null);
  }

  public static QueueResult skipped(String messageId, String reason) {
    return new QueueResult(messageId, MessageStatus.SKIPPED, reason);
  }

  /** Skipped or withheld (the global control group), with the reason. */
  public static QueueResult skipped(String messageId, MessageStatus status, String reason) {
    return new QueueResult(messageId, status, reason);
  }
}
