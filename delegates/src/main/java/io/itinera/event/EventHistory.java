package io.itinera.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A contact's stored events as journey expressions see them, as {@code events}: behavioural
 * rules such as {@code ${events.count('page_viewed', 'PT24H') >= 3}}. Windows are ISO-8601
 * durations ending now.
 */
public class EventHistory {

  private final String contactId;
  private final ContactEvents events;
  private final Clock clock;

  EventHistory(String contactId, ContactEvents events, Clock clock) {
    this.contactId = contactId;
    this.events = events;
    this.clock = clock;
  }

  /** How many events of the type the contact had within the window. */
  public int count(String type, String window) {
    return events.count(contactId, type, since(window));
  }

  /** Whether, within the window, an event of type {@code first} happened and then one of type {@code then}. */
  public boolean sequence(String first, String then, String window) {
    return events.first(contactId, first, since(window))
        .map(firstAt -> events.count(contactId, then, firstAt) > 0)
        .orElse(false);
  }

  /** Whether the contact did nothing at all within the window: inactivity. */
  public boolean noneSince(String window) {
    return events.countAll(contactId, since(window)) == 0;
  }

  private Instant since(String window) {
    return clock.instant().minus(Duration.parse(window));
  }
}
