package io.itinera.contact;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events move the engagement score ({@code itinera.engagement.*}): points per event type,
 * the half-life of the score, and which event types count as engaging with email.
 */
@ConfigurationProperties("itinera.engagement")
public record EngagementProperties(Map<String, Double> weights, Duration halfLife, Set<String> engagementEvents) {

  public EngagementProperties {
    weights = weights == null ? Map.of() : Map.copyOf(weights);
    engagementEvents = engagementEvents == null ? Set.of() : Set.copyOf(engagementEvents);
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("itinera.engagement.half-life must be a positive duration");
    }
  }
}
