package io.itinera.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partial update of a contact, as the identify call sends it: fields not present stay as they
 * are; attributes are merged, and an attribute set to null is removed.
 */
public record ContactPatch(
    Change<String> email,
    Change<ZoneId> timezone,
    Change<String> locale,
    Change<String> lifecycleStage,
    Map<String, Object> attributes) {

  Contact applyTo(Contact contact, Instant now) {
    var merged = new LinkedHashMap<>(contact.attributes());
    attributes.forEach((name, value) -> {
      if (value == null) {
        merged.remove(name);
      } else {
        merged.put(name, value);
      }
    });
    var timezone = this.timezone.or(contact.timezone());
    return new Contact(
        contact.id(),
        email.or(contact.email()),
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
