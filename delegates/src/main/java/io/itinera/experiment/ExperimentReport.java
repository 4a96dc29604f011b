package io.itinera.experiment;

import java.math.BigDecimal;
import java.util.List;

/**
 * An experiment's results: per variant the participants, conversions (the journey's goal), rate,
 * revenue and, against the control, the difference with its 95% confidence interval and p-value;
 * the winner, or null while there is none (see {@link ExperimentResults}), and a status that says why.
 */
public record ExperimentReport(String experiment, String journey, String control, List<VariantResult> variants,
    String winner, String status) {

  /**
   * {@code differenceToControl}, {@code confidenceInterval95} and {@code pValue} are null for the
   * control; {@code significant} is at 95%, Bonferroni-corrected for the variants compared with the control.
   */
  public record VariantResult(String variant, long participants, long conversions, double conversionRate,
      BigDecimal revenue, Double differenceToControl, List<Double> confidenceInterval95, Double pValue,
      boolean significant) {
  }
}
