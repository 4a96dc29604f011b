package io.itinera.contact;

import io.itinera.segment.Segments;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Makes the {@code contact} of journey expressions. */
@Component
public class ContactViews {

  private final Contacts contacts;
  private final Segments segments;
  private final EngagementScoring scoring;
  private final Clock clock;

  public ContactViews(Contacts contacts, Segments segments, EngagementScoring scoring, Clock clock) {
    this.contacts = contacts;
    this.segments = segments;
    this.scoring = scoring;
    this.clock = clock;
  }

  /** @throws IllegalStateException if there is no such contact: a journey must not guess */
  public ContactView of(String contactId) {
    return contacts.find(contactId)
        .map(contact -> new ContactView(contact, segments, scoring, clock))
        .orElseThrow(() -> new IllegalStateException("There is no contact '" + contactId + "'"));
  }
}
