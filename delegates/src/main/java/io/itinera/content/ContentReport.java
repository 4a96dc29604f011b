package io.itinera.content;

import java.util.List;

/**
 * How a template's variants do, per slot: per variant the sends, settled sends, rewards and observed rate with
 * its 95% Wilson interval, how many of its sends the policy chose and how many were uniform (the random share
 * and steps asking for random), whether the policy excludes it, and the features its model weighs most; the
 * policy's lift over uniform choice with its 95% interval, or null until both have settled sends.
 */
public record ContentReport(String template, double randomShare, List<SlotReport> slots) {

  /** {@code status} says "cold start" while no reward of the slot has settled (choices are then uniform). */
  public record SlotReport(String slot, boolean coldStart, String status, List<VariantReport> variants, Lift lift) {
  }

  public record VariantReport(String variant, long sends, long settled, long rewards, Double rate,
      List<Double> interval95, long policySends, long uniformSends, boolean excluded, List<FeatureWeight> topFeatures) {
  }

  /** The policy's settled rate against uniform choice's, their difference and its 95% interval. */
  public record Lift(long policySettled, double policyRate, long uniformSettled, double uniformRate, double difference,
      List<Double> interval95) {
  }

  public record FeatureWeight(String feature, double weight) {
  }
}
