package io.itinera.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The entry rules of one start event, read from its {@code camunda:property} entries:
 * {@code itinera.entryCondition}, {@code itinera.reentry} and {@code itinera.cooldown}.
 */
public record EntryRules(String condition, Reentry reentry, Duration cooldown) {

  public static final String CONDITION = "itinera.entryCondition";
  public static final String REENTRY = "itinera.reentry";
  public static final String COOLDOWN = "itinera.cooldown";

  public static final EntryRules DEFAULT = new EntryRules(null, Reentry.AFTER_EXIT, null);

  /** Fails with a message naming the property when a value is not understood. */
  public static EntryRules from(Map<String, String> properties) {
    var condition = properties.get(CONDITION);
    var reentry = properties.containsKey(REENTRY) ? Reentry.parse(properties.get(REENTRY)) : Reentry.AFTER_EXIT;
    Duration cooldown = null;
    if (properties.containsKey(COOLDOWN)) {
      try {
        cooldown = Duration.parse(properties.get(COOLDOWN));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(COOLDOWN + " must be an ISO-8601 duration such as P7D, not '"
            + properties.get(COOLDOWN) + "'", e);
      }
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException(COOLDOWN + " must not be negative");
      }
    }
    return new EntryRules(condition == null || condition.isBlank() ? null : condition, reentry, cooldown);
  }

  public boolean concurrentRunsAllowed() {
    return reentry == Reentry.ALWAYS;
  }
}
