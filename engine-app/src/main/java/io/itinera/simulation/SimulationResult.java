package io.itinera.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a simulated run did, in order, and how it ended. Times are simulated, in UTC ({@code at}) and
 * in the contact's zone ({@code local}). {@code contact} is the synthetic contact as the run left it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SimulationResult(
    String journey,
    int version,
    String contactId,
    String timeZone,
    Instant start,
    String startLocal,
    Instant horizon,
    List<TimelineEntry> timeline,
    Ending ending,
    ContactState contact) {

  /** The steps passed, in order, with the ids of event entries left out. */
  public List<String> steps() {
    return timeline.stream().filter(entry -> entry.step() != null && entry.event() == null)
        .map(TimelineEntry::step).toList();
  }

  /** Every email the run produced, queued or skipped, in order. */
  public List<SimulatedEmail> emails() {
    return timeline.stream().flatMap(entry -> entry.emails().stream()).toList();
  }

  /**
   * How the run ended: {@code end} (an end event), {@code goal} (a goal event ended it),
   * {@code time-limit} (a journey time limit ended it), {@code failed} (a step failed; in production
   * it would be retried and then become an incident), {@code horizon} (still waiting when the
   * simulation stopped) or {@code not-entered} (an entry rule kept the contact out).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Ending(String how, String step, String name, Instant at, String local, String reason) {
  }

  /** The synthetic contact after the run: the steps' changes applied to it only. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ContactState(String lifecycleStage, Map<String, Object> attributes, List<String> segments,
      boolean subscribed, double engagementScore) {
  }
}
