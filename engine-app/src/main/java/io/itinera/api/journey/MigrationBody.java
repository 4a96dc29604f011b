package io.itinera.api.journey;

import io.itinera.journey.MigrationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/** A migration asked for: {@code {sourceVersion, targetVersion, mapping?, recomputeTimers?}}. */
@Schema(description = "Move the runs of sourceVersion to targetVersion. Steps with the same id map to each other; "
    + "mapping maps others (source step id to target step id). Timers keep their due dates unless recomputeTimers.",
    example = MigrationBody.EXAMPLE)
record MigrationBody(
    @NotNull @Positive Integer sourceVersion,
    @NotNull @Positive Integer targetVersion,
    Map<@NotBlank String, @NotBlank String> mapping,
    Boolean recomputeTimers) {

  static final String EXAMPLE = """
      {"sourceVersion": 1, "targetVersion": 2, "mapping": {"Timer_Wait1Hour": "Timer_Wait2Hours"},
       "recomputeTimers": false}""";

  MigrationRequest toRequest() {
    return new MigrationRequest(sourceVersion, targetVersion, mapping, Boolean.TRUE.equals(recomputeTimers));
  }
}
