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

  /**
   * Fails with a message naming the property when a value is not understood. A property left
   * empty (as the Modeler writes an element template's blank field) counts as not set.
   */
  public static EntryRules from(Map<String, String> properties) {
    var condition = value(properties, CONDITION);
    var reentry = value(properties, REENTRY) == null ? Reentry.AFTER_EXIT : Reentry.parse(value(properties, REENTRY));
    Duration cooldown = null;
    if (value(properties, COOLDOWN) != null) {
      try {
        cooldown = Duration.parse(value(properties, COOLDOWN));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(COOLDOWN + " must be an ISO-8601 duration such as P7D, not '"
            + properties.get(COOLDOWN) + "'", e);
      }
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException(COOLDOWN + " must not be negative");
      }
    }
    return new EntryRules(condition, reentry, cooldown);
  }

  private static String value(Map<String, String> properties, String name) {
    var value = properties.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean concurrentRunsAllowed() {
    return reentry == Reentry.ALWAYS;
  }
}
