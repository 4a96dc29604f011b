package io.itinera.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Predictive content ({@code itinera.content.*}): the share of predicted choices made uniformly at random
 * (the unbiased baseline for the lift, and what it costs: that share forgoes the policy's lift); the
 * posterior probability of being best below which a variant is no longer drawn by the policy, once every
 * variant of its slot has {@code minObservationsToExclude} settled rewards; and how many recent contexts
 * that probability is estimated over.
 */
@ConfigurationProperties("itinera.content")
public record ContentProperties(
    @DefaultValue("0.1") double randomShare,
    @DefaultValue("0.01") double excludeBelow,
    @DefaultValue("50") int minObservationsToExclude,
    @DefaultValue("200") int contextsForExclusion) {

  public ContentProperties {
    if (randomShare < 0 || randomShare > 1) {
      throw new IllegalArgumentException("itinera.content.random-share must be between 0 and 1");
    }
    if (excludeBelow < 0 || excludeBelow >= 1) {
      throw new IllegalArgumentException("itinera.content.exclude-below must be at least 0 and below 1");
    }
  }
}
