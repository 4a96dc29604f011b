package io.itinera.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Puts a contact into a variant by a hash of (experiment, contact): the same contact always lands
 * in the same variant of an experiment, on any node, without storing anything first, and different
 * experiments split independently.
 */
final class SplitAssignment {

  static final String HOLDOUT = "holdout";

  private SplitAssignment() {
  }

  static String variantOf(String experiment, String contactId, Variants variants, int holdoutPercent) {
    var position = position(experiment + "\n" + contactId);
    var holdout = holdoutPercent / 100.0;
    if (position < holdout) {
      return HOLDOUT;
    }
    var point = (position - holdout) / (1 - holdout) * variants.totalWeight();
    var cumulative = 0.0;
    for (var variant : variants.all()) {
      cumulative += variant.weight();
      if (point < cumulative) {
        return variant.name();
      }
    }
    return variants.all().get(variants.all().size() - 1).name();
  }

  /** A uniform number in [0, 1) from the first 53 bits of SHA-256. */
  private static double position(String key) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
