package io.itinera.api.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A contact as the API shows it: the profile with its score, segments, subscription, SMS and push consent and current journeys. */
record ContactResponse(
    String id,
    String email,
    String phone,
    SmsConsent smsConsent,
    SmsConsent pushConsent,
    String timezone,
    String locale,
    String lifecycleStage,
    Map<String, Object> attributes,
    double engagementScore,
    Instant lastEngagedAt,
    List<String> segments,
    String subscription,
    List<CurrentJourney> journeys,
    Instant createdAt,
    Instant updatedAt) {

  /** {@code status} is {@code granted}, {@code withdrawn}, or {@code none} (never given: no marketing SMS). */
  record SmsConsent(String status, Instant at, String source) {
  }

  record CurrentJourney(String journey, String processInstanceId, Instant enteredAt) {
  }
}
