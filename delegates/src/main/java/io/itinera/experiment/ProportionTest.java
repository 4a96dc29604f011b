package io.itinera.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Compares a variant's conversion rate with the control's: the difference with a 95% confidence
 * interval (unpooled standard error) and the two-sided p-value of the two-proportion z-test
 * (pooled standard error), the usual pair for A/B results and for the global control group.
 */
public record ProportionTest(double difference, double low, double high, double pValue) {

  static final double SIGNIFICANCE = 0.05;
  private static final NormalDistribution NORMAL = new NormalDistribution();
  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z_95 = NORMAL.inverseCumulativeProbability(0.975);

  public static ProportionTest of(long controlConversions, long controlParticipants, long conversions, long participants) {
    if (controlParticipants == 0 || participants == 0) {
      throw new IllegalArgumentException("Both groups need participants");
    }
    var controlRate = (double) controlConversions / controlParticipants;
    var rate = (double) conversions / participants;
    var difference = rate - controlRate;
    var unpooled = Math.sqrt(rate * (1 - rate) / participants + controlRate * (1 - controlRate) / controlParticipants);
    var pooledRate = (double) (conversions + controlConversions) / (participants + controlParticipants);
    var pooled = Math.sqrt(pooledRate * (1 - pooledRate) * (1.0 / participants + 1.0 / controlParticipants));
    var pValue = pooled == 0 ? 1.0 : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(difference / pooled)));
    return new ProportionTest(difference, difference - Z_95 * unpooled, difference + Z_95 * unpooled, pValue);
  }

  boolean significant() {
    return pValue < SIGNIFICANCE;
  }
}
