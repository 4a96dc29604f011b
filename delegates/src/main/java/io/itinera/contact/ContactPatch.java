package io.itinera.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partial update of a contact, as the identify call sends it: fields not present stay as they
 * are; attributes are merged, and an attribute set to null is removed; {@code smsConsent}, when not
 * null, becomes the contact's SMS consent, and {@code pushConsent} its push consent. A contact holds at most
 * {@value #MAX_ATTRIBUTES} attributes, so that they always fit their column whatever the merges.
 */
public record ContactPatch(
    Change<String> email,
    Change<String> phone,
    Change<ZoneId> timezone,
    Change<String> locale,
    Change<String> lifecycleStage,
    Map<String, Object> attributes,
    Consent smsConsent,
    Consent pushConsent) {

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
        contact.unsubscribedAt(),
        contact.createdAt(),
        now);
  }
}
