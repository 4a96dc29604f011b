package io.itinera.api.contact;

import io.itinera.contact.ChannelConsents;
import io.itinera.contact.Consent;
import io.itinera.contact.Contact;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.contact.Suppressions;
import io.itinera.journey.Enrolment;
import io.itinera.journey.JourneyEnrolments;
import io.itinera.outbox.ChannelOrder;
import io.itinera.outbox.ChannelProperties;
import io.itinera.preference.Preferences;
import io.itinera.segment.Segments;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Puts together what the API shows of a contact. */
@Component
class ContactProfiles {

  private final Segments segments;
  private final EngagementScoring scoring;
  private final Suppressions suppressions;
  private final ChannelConsents consents;
  private final ChannelOrder order;
  private final JourneyEnrolments enrolments;
  private final Clock clock;
  private final Preferences preferences;

  ContactProfiles(Segments segments, EngagementScoring scoring, Suppressions suppressions,
      ChannelConsents consents, ChannelOrder order, JourneyEnrolments enrolments, Clock clock, Preferences preferences) {
    this.preferences = preferences;
    this.consents = consents;
    this.order = order;
    this.segments = segments;
    this.scoring = scoring;
    this.suppressions = suppressions;
    this.enrolments = enrolments;
    this.clock = clock;
  }

  ContactResponse of(Contact contact) {
    var journeys = enrolments.ofContact(contact.id()).stream()
        .filter(Enrolment::active)
        .map(run -> new ContactResponse.CurrentJourney(run.journeyKey(), run.processInstanceId(), run.enteredAt()))
        .toList();
    return new ContactResponse(
        contact.id(),
        contact.email(),
        contact.phone(),
        consent(contact, Consent.SMS),
        consent(contact, Consent.PUSH),
        order.of(contact.id()).stream()
            .map(channel -> new ContactResponse.ChannelState(channel, consent(contact, channel)))
            .toList(),
        contact.timezone().getId(),
        contact.locale(),
        contact.lifecycleStage(),
        contact.attributes(),
        Math.round(scoring.scoreAt(contact, clock.instant()) * 100) / 100.0,
        contact.lastEngagedAt(),
        segments.ofContact(contact.id()),
        subscription(contact),
        preferences.subscriptions(contact.id(), ChannelProperties.KNOWN),
        preferences.pausedUntil(contact.id(), clock.instant()).orElse(null),
        journeys,
        contact.createdAt(),
        contact.updatedAt());
  }

  /** The last recorded change; an email unsubscribe from before changes were recorded shows as withdrawn. */
  private ContactResponse.ConsentState consent(Contact contact, String channel) {
    var recorded = consents.of(contact.id(), channel)
        .map(consent -> new ContactResponse.ConsentState(consent.granted() ? "granted" : "withdrawn", consent.at(),
            consent.source()));
    if (ContactPatch.EMAIL.equals(channel) && contact.unsubscribedAt() != null
        && recorded.filter(state -> state.status().equals("withdrawn")).isEmpty()) {
      return new ContactResponse.ConsentState("withdrawn", contact.unsubscribedAt(), null);
    }
    return recorded.orElse(ContactResponse.ConsentState.NONE);
  }

  private String subscription(Contact contact) {
    if (suppressions.isSuppressed(contact.email())) {
      return "suppressed";
    }
    return contact.unsubscribedAt() == null ? "subscribed" : "unsubscribed";
  }
}
