package io.itinera.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One moment of a simulated run: a step entered (with what it decided, waits for, sent, called and
 * changed), or an event of the script arriving ({@code event}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TimelineEntry(
    Instant at,
    String local,
    String step,
    String name,
    String type,
    Decision decision,
    List<Wait> waits,
    List<SimulatedEmail> emails,
    List<SimulatedWebhook> webhooks,
    Map<String, Object> contactChanges,
    Map<String, Object> variables,
    String variant,
    String failure,
    EventArrival event) {

  /** Which way a gateway went, and each condition it evaluated on the way, with the values it read. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Decision(String flow, String flowName, boolean byDefault, List<ConditionResult> conditions) {
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ConditionResult(String flow, String flowName, String condition, Boolean result,
      Map<String, Object> read) {
  }

  /** What the run waits for here: a time ({@code until}) or an event, and why. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Wait(String step, String name, Instant until, String untilLocal, String event, String why) {
  }

  /** A scripted event: which waiting steps it reached and which runs it started or was refused. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record EventArrival(String type, Map<String, Object> properties, List<String> reached, boolean startedRun,
      String refused) {
  }
}
