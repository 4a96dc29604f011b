package io.itinera.outbox;

/** Where a message in the outbox stands. */
public enum MessageStatus {
  /** Waiting to be sent, now or at its next attempt. */
  QUEUED,
  /** Claimed by a dispatcher; if that dispatcher dies, the claim expires and the message is queued again. */
  SENDING,
  SENT,
  /** Refused for good by the server (SMTP, SMSC), or out of attempts. */
  FAILED,
  /** Never queued: no address or phone, no consent, suppressed, a preference, or a channel rule. */
  SKIPPED,
  /** Never queued because the contact is in the global control group, though every rule allowed it. */
  WITHHELD
}
