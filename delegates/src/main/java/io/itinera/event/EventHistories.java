package io.itinera.event;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Makes the {@code events} of journey expressions. */
@Component
public class EventHistories {

  private final ContactEvents events;
  private final Clock clock;

  public EventHistories(ContactEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  public EventHistory of(String contactId) {
    return new EventHistory(contactId, events, clock);
  }
}
