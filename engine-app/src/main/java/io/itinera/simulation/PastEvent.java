package io.itinera.simulation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;

/** Something the contact did before the simulation starts, {@code ago} before it. */
public record PastEvent(@NotBlank @Size(max = 128) String type, @NotNull Duration ago, Map<String, Object> properties) {

  /** At most ten years back: older history neither moves a score nor decides a path. */
  static final Duration LONGEST_AGO = Duration.ofDays(3650);

  static void checkAgo(String field, Duration ago) {
    if (ago.isNegative() || ago.compareTo(LONGEST_AGO) > 0) {
      throw new SimulationRefusedException(field, "must be between PT0S and " + LONGEST_AGO.toDays() + " days (P"
          + LONGEST_AGO.toDays() + "D), not " + ago);
    }
  }
}
