package io.itinera.journey;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether a contact may enter a journey again, as set by {@code itinera.reentry} on its start event. */
public enum Reentry {
  /** Once per contact, ever. */
  NEVER("never"),
  /** Again once the previous run has ended (after the cooldown, if any): the default. */
  AFTER_EXIT("after-exit"),
  /** Any number of runs at the same time. */
  ALWAYS("always");

  private final String value;

  Reentry(String value) {
    this.value = value;
  }

  public static Reentry parse(String value) {
    return Arrays.stream(values()).filter(reentry -> reentry.value.equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("itinera.reentry must be one of "
            + Arrays.stream(values()).map(Reentry::toString).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
  }

  @Override
  public String toString() {
    return value;
  }
}
