package io.itinera.content;

/**
 * How one variant was chosen. RANDOM (the step asked for it) and EXPLORE (the policy's random share) are
 * uniform over all variants: together they are the unbiased baseline the policy's lift is measured against.
 */
public enum ChoiceMode {
  FIXED,
  RANDOM,
  EXPLORE,
  COLD_START,
  POLICY;

  boolean isUniform() {
    return this == RANDOM || this == EXPLORE;
  }
}
