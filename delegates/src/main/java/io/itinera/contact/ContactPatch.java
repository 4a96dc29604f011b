package io.itinera.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial update of a contact, as the identify call sends it: fields not present stay as they
 * are; attributes are merged, and an attribute set to null is removed; each entry of {@code consents}
 * becomes the contact's consent on that channel (email consent withdrawn is the unsubscribe, granted
 * lifts it); {@code channelOrder}, when not null, becomes the contact's channel priority; {@code topics}
 * become the contact's topic subscriptions ({@link TopicsChosen}). A contact holds at most
 * {@value #MAX_ATTRIBUTES} attributes, so that they always fit their column whatever the merges.
 */
public record ContactPatch(
    Change<String> email,
    Change<String> phone,
    Change<ZoneId> timezone,
    Change<String> locale,
    Change<String> lifecycleStage,
    Map<String, Object> attributes,
    Map<String, Consent> consents,
    List<String> channelOrder,
    TopicChoices topics) {

  /** The channel whose consent is the contact's unsubscribe. */
  public static final String EMAIL = "email";


  public static final int MAX_ATTRIBUTES = 100;

  Contact applyTo(Contact contact, Instant now) {
    var merged = new LinkedHashMap<>(contact.attributes());
    attributes.forEach((name, value) -> {
      if (value == null) {
        merged.remove(name);
      } else {
        merged.put(name, value);
      }
    });
    if (merged.size() > MAX_ATTRIBUTES) {
      throw new AttributesTooLargeException("A contact holds at most " + MAX_ATTRIBUTES + " attributes; this change"
          + " would make " + merged.size() + ": remove some by setting them to null");
    }
    var timezone = this.timezone.or(contact.timezone());
    var emailConsent = consents.get(EMAIL);
    var unsubscribedAt = emailConsent == null ? contact.unsubscribedAt()
        : emailConsent.granted() ? null
        : contact.unsubscribedAt() == null ? emailConsent.at() : contact.unsubscribedAt();
    return new Contact(
        contact.id(),
        email.or(contact.email()),
        phone.or(contact.phone()),
        timezone == null ? ZoneId.of("UTC") : timezone,
        locale.or(contact.locale()),
        lifecycleStage.or(contact.lifecycleStage()),
        merged,
        contact.engagementScore(),
        contact.scoreAt(),
        contact.lastEngagedAt(),
        unsubscribedAt,
        contact.createdAt(),
        now);
  }
}
