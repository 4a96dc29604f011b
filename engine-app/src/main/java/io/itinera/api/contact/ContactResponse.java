package io.itinera.api.contact;

import io.itinera.preference.Preferences;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A contact as the API shows it: the profile with its score, segments, subscription, its channels in the order
 * they are tried with the consent on each, its topics, a pause of marketing, and current journeys.
 */
record ContactResponse(
    String id,
    String email,
    String phone,
    ConsentState smsConsent,
    ConsentState pushConsent,
    List<ChannelState> channels,
    String timezone,
    String locale,
    String lifecycleStage,
    Map<String, Object> attributes,
    double engagementScore,
    Instant lastEngagedAt,
    List<String> segments,
    String subscription,
    // Per topic, per channel: whether the contact gets it, with when and where it chose (null: the default).
    Map<String, Map<String, Preferences.Choice>> topics,
    Instant marketingPausedUntil,
    List<CurrentJourney> journeys,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * {@code status} is {@code granted}, {@code withdrawn}, or {@code none}: never given, which stops marketing
   * SMS and push but not marketing email (email is opt-out: only an unsubscribe stops it).
   */
  record ConsentState(String status, Instant at, String source) {

    static final ConsentState NONE = new ConsentState("none", null, null);
  }

  /** One channel, most preferred first, with the contact's consent on it. */
  record ChannelState(String channel, ConsentState consent) {
  }

  record CurrentJourney(String journey, String processInstanceId, Instant enteredAt) {
  }
}
