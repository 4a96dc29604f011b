package io.itinera.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A contact as stored. {@code phone} is E.164 ({@code +491701234567}). {@code engagementScore} is the score at {@code scoreAt}; it decays from
 * there (see {@link EngagementScoring}).
 */
public record Contact(
    String id,
    String email,
    String phone,
    ZoneId timezone,
    String locale,
    String lifecycleStage,
    Map<String, Object> attributes,
    double engagementScore,
    Instant scoreAt,
    Instant lastEngagedAt,
    Instant unsubscribedAt,
    Instant createdAt,
    Instant updatedAt) {

  public static Contact create(String id, Instant now) {
    return new Contact(id, null, null, ZoneId.of("UTC"), null, null, Map.of(), 0, null, null, null, now, now);
  }

  public Contact withEmail(String email) {
    return new Contact(id, email, phone, timezone, locale, lifecycleStage, attributes, engagementScore, scoreAt,
        lastEngagedAt, unsubscribedAt, createdAt, updatedAt);
  }

  public Contact withEngagement(double score, Instant scoreAt, Instant lastEngagedAt) {
    return new Contact(id, email, phone, timezone, locale, lifecycleStage, attributes, score, scoreAt, lastEngagedAt,
        unsubscribedAt, createdAt, updatedAt);
  }

  public Contact unsubscribed(Instant at) {
    return new Contact(id, email, phone, timezone, locale, lifecycleStage, attributes, engagementScore, scoreAt,
        lastEngagedAt, at, createdAt, at);
  }
}
