package io.itinera.email;

import java.util.Locale;

/** Marketing email obeys unsubscribes, suppression and the frequency cap; transactional email is exempt. */
public enum EmailCategory {
  MARKETING,
  TRANSACTIONAL;

  public static EmailCategory parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be 'marketing' or 'transactional', not '" + value + "'", e);
    }
  }
}
