package io.itinera.content;

import java.util.Locale;

/** How a Send email step picks its template's variants: the first of each slot, at random, or by the policy. */
public enum Selection {
  FIXED,
  RANDOM,
  PREDICTED;

  static Selection parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be 'fixed', 'random' or 'predicted', not '" + value + "'", e);
    }
  }
}
