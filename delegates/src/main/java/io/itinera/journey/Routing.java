package io.itinera.journey;

import java.util.List;
import java.util.stream.Stream;

/** What an event or a contact change did to journeys. */
public record Routing(List<Started> started, List<Reached> reached, List<NotStarted> notStarted) {

  /** A new run. */
  public record Started(String journey, String processInstanceId) {
  }

  /** A waiting run the event was delivered to, and the step that was waiting for it. */
  public record Reached(String journey, String processInstanceId, String activityId) {
  }

  /** A journey that could have started but did not, with the rule that kept the contact out. */
  public record NotStarted(String journey, EntryRule rule, String reason) {
  }

  public Routing plus(Routing other) {
    return new Routing(concat(started, other.started), concat(reached, other.reached),
        concat(notStarted, other.notStarted));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
