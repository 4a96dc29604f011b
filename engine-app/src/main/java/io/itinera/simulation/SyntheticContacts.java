package io.itinera.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.contact.Suppressions;
import io.itinera.event.ContactEvents;
import io.itinera.segment.Segments;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;

/**
 * Writes a plan's synthetic contact into the stores it is given: the simulation world's, or, in the
 * test that compares a simulated run with a real one, the real app's, so that both runs start from
 * the same contact: past events scored in order, then the score, segments and suppression.
 */
final class SyntheticContacts {

  private final Contacts contacts;
  private final ContactEvents events;
  private final Segments segments;
  private final Suppressions suppressions;
  private final EngagementScoring scoring;
  private final ObjectMapper json;

  SyntheticContacts(Contacts contacts, ContactEvents events, Segments segments, Suppressions suppressions,
      EngagementScoring scoring, ObjectMapper json) {
    this.contacts = contacts;
    this.events = events;
    this.segments = segments;
    this.suppressions = suppressions;
    this.scoring = scoring;
    this.json = json;
  }

  /** Call inside a transaction. */
  void create(String contactId, SimulatedContact spec, ZoneId zone, Instant start) {
    var email = spec.email() == null ? contactId.replaceAll("[^A-Za-z0-9._+-]", "-") + "@simulation.invalid"
        : spec.email().isBlank() ? null : spec.email();
    var contact = new Contact(contactId, email, null, zone, spec.locale(), spec.lifecycleStage(), spec.attributesOrNone(),
        0, null, null, Boolean.FALSE.equals(spec.subscribed()) ? start : null, start, start);
    // First the contact, then its past events, which refer to it; then the score they left.
    contacts.insert(contact);
    for (var past : spec.history().stream().sorted(Comparator.comparing(PastEvent::ago).reversed()).toList()) {
      var at = start.minus(past.ago());
      events.record(contactId, past.type(), json(past.properties()), at, at, null);
      contact = scoring.afterEvent(contact, past.type(), at);
    }
    if (spec.engagementScore() != null) {
      contact = contact.withEngagement(spec.engagementScore(), start, contact.lastEngagedAt());
    }
    contacts.update(contact);
    spec.segmentsOrNone().forEach(segment -> segments.add(segment, contactId));
    if (Boolean.TRUE.equals(spec.suppressed()) && email != null) {
      suppressions.suppress(email, "simulation");
    }
  }

  static ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new SimulationRefusedException("contact.timeZone", "is not a time zone: " + timeZone
          + " (use a name such as Europe/Berlin)");
    }
  }

  private String json(Map<String, Object> properties) {
    try {
      return json.writeValueAsString(properties == null ? Map.of() : properties);
    } catch (JsonProcessingException e) {
      throw new SimulationRefusedException("contact.pastEvents", "properties cannot be written as JSON");
    }
  }
}
