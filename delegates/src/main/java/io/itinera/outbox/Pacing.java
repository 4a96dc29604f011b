package io.itinera.outbox;

import java.time.Duration;

/**
 * What a marketing step does when a frequency rule stops its message: skip it (the default), or wait, at most
 * {@code maxWait}, until the rules allow it, the message queued with its due time moved to then.
 */
public record Pacing(boolean waitWhenCapped, Duration maxWait) {

  public static final Pacing SKIP = new Pacing(false, Duration.ZERO);
}
