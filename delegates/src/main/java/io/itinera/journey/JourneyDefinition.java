package io.itinera.journey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the router needs to know of one deployed journey version: its start events with their
 * entry rules, and its goals: interrupting event subprocesses started by a message, by id.
 */
public record JourneyDefinition(
    String processDefinitionId,
    String journeyKey,
    int version,
    List<Start> starts,
    Map<String, String> goalBySubProcessId,
    Map<String, String> goalByStartEventId) {

  /**
   * A top-level start event: triggered by a message, by a condition, or by a timer, whose runs
   * are a journey's scheduler (enrolling contacts), not a contact's run.
   */
  public record Start(String startEventId, String messageName, String condition, boolean timer, EntryRules rules) {
  }

  public Optional<Start> messageStart(String messageName) {
    return starts.stream().filter(start -> messageName.equals(start.messageName())).findFirst();
  }

  public List<Start> conditionalStarts() {
    return starts.stream().filter(start -> start.condition() != null).toList();
  }

  public Optional<Start> start(String startEventId) {
    return starts.stream().filter(start -> start.startEventId().equals(startEventId)).findFirst();
  }

  /** Whether a message delivered to this step reaches the journey's goal. */
  public boolean isGoalStart(String activityId) {
    return goalByStartEventId.containsKey(activityId);
  }

  /** The goal message when the run ended through a goal: the engine names the event subprocess as its end. */
  public Optional<String> goalReachedAt(String endActivityId) {
    return Optional.ofNullable(endActivityId).map(goalBySubProcessId::get);
  }
}
