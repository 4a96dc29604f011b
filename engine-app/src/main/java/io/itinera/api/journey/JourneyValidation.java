package io.itinera.api.journey;

import io.itinera.check.Problem;
import java.util.List;

/** The answer of {@code POST /api/journeys/validate}: valid when there are no errors. */
record JourneyValidation(boolean valid, List<Problem> errors, List<Problem> warnings) {

  static JourneyValidation of(List<Problem> errors) {
    return new JourneyValidation(errors.isEmpty(), errors, List.of());
  }
}
