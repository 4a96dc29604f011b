package io.itinera.contact;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The engagement score: each event adds its configured points, and the score halves every
 * half-life, so what a contact did lately weighs more than what it did long ago. Events that
 * arrive late are decayed from when they occurred, not from when they arrived.
 */
@Component
@EnableConfigurationProperties(EngagementProperties.class)
public class EngagementScoring {

  private final EngagementProperties properties;

  public EngagementScoring(EngagementProperties properties) {
    this.properties = properties;
  }

  /** The score as it stands at {@code now}. */
  public double scoreAt(Contact contact, Instant now) {
    return contact.scoreAt() == null ? contact.engagementScore() : decay(contact.engagementScore(), contact.scoreAt(), now);
  }

  /** The contact after an event of this type at that time; unchanged for types without points. */
  public Contact afterEvent(Contact contact, String type, Instant occurredAt) {
    var weight = properties.weights().getOrDefault(type, 0.0);
    var engaging = properties.engagementEvents().contains(type);
    if (weight == 0 && !engaging) {
      return contact;
    }
    var scoreAt = contact.scoreAt() == null || occurredAt.isAfter(contact.scoreAt()) ? occurredAt : contact.scoreAt();
    var score = scoreAt(contact, scoreAt) + decay(weight, occurredAt, scoreAt);
    var lastEngaged = engaging && (contact.lastEngagedAt() == null || occurredAt.isAfter(contact.lastEngagedAt()))
        ? occurredAt
        : contact.lastEngagedAt();
    return contact.withEngagement(score, scoreAt, lastEngaged);
  }

  private double decay(double score, Instant from, Instant to) {
    var elapsed = Duration.between(from, to);
    if (elapsed.isNegative() || elapsed.isZero()) {
      return score;
    }
    return score * Math.pow(0.5, (double) elapsed.toMillis() / properties.halfLife().toMillis());
  }
}
