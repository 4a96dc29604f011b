package io.itinera.content;

import java.util.Locale;

/** What counts as success for a message's variants: it was opened, a link in it was clicked, or its run reached the journey's goal. */
public enum RewardKind {
  OPEN,
  CLICK,
  GOAL;

  static RewardKind parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be 'open', 'click' or 'goal', not '" + value + "'", e);
    }
  }
}
