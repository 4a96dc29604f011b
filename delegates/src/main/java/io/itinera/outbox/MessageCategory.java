package io.itinera.outbox;

import java.util.Locale;

/**
 * Marketing messages need consent and obey quiet hours (email: unsubscribes, suppression and the frequency
 * cap; SMS: SMS consent); transactional messages are exempt. The same two categories on every channel.
 */
public enum MessageCategory {
  MARKETING,
  TRANSACTIONAL;

  public static MessageCategory parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be 'marketing' or 'transactional', not '" + value + "'", e);
    }
  }
}
