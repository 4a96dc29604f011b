package io.itinera.event;

import io.itinera.journey.Routing;
import java.util.List;

/** The answer to a track call: what the event did, or that it had been received before. */
public record EventOutcome(
    long eventId,
    boolean duplicate,
    boolean contactCreated,
    List<Routing.Started> started,
    List<Routing.Reached> reached,
    List<Routing.NotStarted> notStarted) {

  static EventOutcome duplicateOf(long eventId) {
    return new EventOutcome(eventId, true, false, List.of(), List.of(), List.of());
  }

  static EventOutcome of(long eventId, boolean contactCreated, Routing routing) {
    return new EventOutcome(eventId, false, contactCreated, routing.started(), routing.reached(), routing.notStarted());
  }
}
