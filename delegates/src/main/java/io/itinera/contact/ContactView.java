package io.itinera.contact;

import io.itinera.segment.Segments;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The contact as journey expressions see it, read fresh from the store for each evaluation:
 * {@code ${contact.engagementScore >= 50}}, {@code ${contact.attributes.plan == 'pro'}},
 * {@code ${contact.engagedWithin('PT48H')}}, {@code ${contact.inSegment('vip')}}.
 */
public class ContactView {

  private final Contact contact;
  private final Segments segments;
  private final EngagementScoring scoring;
  private final Clock clock;

  ContactView(Contact contact, Segments segments, EngagementScoring scoring, Clock clock) {
    this.contact = contact;
    this.segments = segments;
    this.scoring = scoring;
    this.clock = clock;
  }

  public String getId() {
    return contact.id();
  }

  public String getEmail() {
    return contact.email();
  }

  public String getTimezone() {
    return contact.timezone().getId();
  }

  public String getLocale() {
    return contact.locale();
  }

  public String getLifecycleStage() {
    return contact.lifecycleStage();
  }

  public Map<String, Object> getAttributes() {
    return contact.attributes();
  }

  /** The score now, decayed since the last event that moved it. */
  public double getEngagementScore() {
    return scoring.scoreAt(contact, clock.instant());
  }

  public boolean isSubscribed() {
    return contact.unsubscribedAt() == null;
  }

  /** Whether the contact opened or clicked within the ISO-8601 duration before now, such as {@code PT48H}. */
  public boolean engagedWithin(String window) {
    var lastEngaged = contact.lastEngagedAt();
    return lastEngaged != null && !lastEngaged.isBefore(clock.instant().minus(Duration.parse(window)));
  }

  public boolean inSegment(String segment) {
    return segments.contains(segment, contact.id());
  }
}
