package io.itinera.journey;

import java.util.Map;

/**
 * Moving the runs of one journey version to another: steps with the same id in both map to each
 * other; {@code mapping} maps others (source step id to target step id). Timers keep their due
 * dates unless {@code recomputeTimers}, which computes them again from the target's definitions.
 */
public record MigrationRequest(Integer sourceVersion, Integer targetVersion, Map<String, String> mapping,
    boolean recomputeTimers) {

  public MigrationRequest {
    mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
  }
}
