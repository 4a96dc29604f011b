package io.itinera.api.journey;

import io.itinera.check.JourneyCheck;
import io.itinera.check.Problem;
import java.util.List;

/** The answer of {@code POST /api/journeys/validate}: valid when there are no errors. */
record JourneyValidation(boolean valid, List<Problem> errors, List<Problem> warnings) {

  static JourneyValidation of(JourneyCheck.Findings findings) {
    return new JourneyValidation(findings.errors().isEmpty(), findings.errors(), findings.warnings());
  }
}
