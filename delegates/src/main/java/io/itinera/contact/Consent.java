package io.itinera.contact;

import java.time.Instant;

/**
 * A contact's consent to marketing on one channel, as last changed: granted or withdrawn, when, and from
 * where (the app's form, an inbound {@code STOP}). Transactional messages do not need it.
 */
public record Consent(boolean granted, Instant at, String source) {

  /** The channels with a consent of their own (email has its unsubscribe instead). */
  public static final String SMS = "sms";
  public static final String PUSH = "push";
}
