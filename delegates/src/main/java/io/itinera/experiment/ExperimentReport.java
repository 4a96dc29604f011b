package io.itinera.experiment;

import java.math.BigDecimal;
import java.util.List;

/**
 * An experiment's results: per variant the participants, conversions (the journey's goal), rate,
 * revenue and, against the control, the difference with its 95% confidence interval and p-value;
 * and the winner, if any variant beats the control significantly.
 */
public record ExperimentReport(String experiment, String journey, String control, List<VariantResult> variants,
    Winner winner) {

  /** {@code differenceToControl}, {@code confidenceInterval95} and {@code pValue} are null for the control. */
  public record VariantResult(String variant, long participants, long conversions, double conversionRate,
      BigDecimal revenue, Double differenceToControl, List<Double> confidenceInterval95, Double pValue,
      boolean significant) {
  }

  /** The best variant; {@code significant} says whether it beats the control at 95%. */
  public record Winner(String variant, boolean significant) {
  }
}
