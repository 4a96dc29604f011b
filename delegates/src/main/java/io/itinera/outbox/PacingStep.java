package io.itinera.outbox;

import io.itinera.journey.StepInput;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads the optional {@code whenCapped} ({@code skip} or {@code wait}) and {@code maxWait} (an ISO-8601 duration,
 * at most {@value #LONGEST_WAIT_DAYS} days, needed with {@code wait}) inputs of a sending step of any channel.
 */
public final class PacingStep {

  /** A wait longer than this would let a message outlive the offer or the moment it is about. */
  static final int LONGEST_WAIT_DAYS = 14;

  public static final StepInput<String> WHEN_CAPPED = StepInput.optional("whenCapped");
  public static final StepInput<Duration> MAX_WAIT = StepInput.duration("maxWait");
  public static final List<StepInput<?>> INPUTS = List.of(WHEN_CAPPED, MAX_WAIT);
  private static final String MAX_WAIT_RULE = "with whenCapped 'wait', must be a duration of at most P"
      + LONGEST_WAIT_DAYS + "D, such as P3D";

  private PacingStep() {
  }

  public static Pacing from(DelegateExecution execution) {
    var whenCapped = WHEN_CAPPED.from(execution);
    if (whenCapped == null || "skip".equals(whenCapped)) {
      return Pacing.SKIP;
    }
    if (!"wait".equals(whenCapped)) {
      throw WHEN_CAPPED.invalid(execution, "must be 'skip' or 'wait', not '" + whenCapped + "'");
    }
    var maxWait = MAX_WAIT.from(execution);
    if (!allowed(maxWait)) {
      throw MAX_WAIT.invalid(execution, MAX_WAIT_RULE);
    }
    return new Pacing(true, maxWait);
  }

  /**
   * What is wrong with these inputs as a journey writes them out, by the rules {@link #from} applies; empty when
   * they are fine. {@code maxWait} is null when the step has none, and is not looked at when it is computed.
   */
  public static Optional<String> problem(String whenCapped, String maxWait, boolean maxWaitComputed) {
    if (whenCapped == null || "skip".equals(whenCapped)) {
      return Optional.empty();
    }
    if (!"wait".equals(whenCapped)) {
      return Optional.of("input 'whenCapped' must be 'skip' or 'wait', not '" + whenCapped + "'");
    }
    if (maxWaitComputed) {
      return Optional.empty();
    }
    if (maxWait == null) {
      return Optional.of("waits when capped but has no input 'maxWait'; give one such as P3D");
    }
    try {
      return allowed(Duration.parse(maxWait.strip())) ? Optional.empty()
          : Optional.of("input 'maxWait' " + MAX_WAIT_RULE + ", not " + maxWait);
    } catch (DateTimeParseException notADuration) {
      return Optional.of("input 'maxWait' " + MAX_WAIT_RULE + ", not '" + maxWait + "'");
    }
  }

  private static boolean allowed(Duration maxWait) {
    return maxWait != null && !maxWait.isNegative() && !maxWait.isZero()
        && maxWait.compareTo(Duration.ofDays(LONGEST_WAIT_DAYS)) <= 0;
  }
}
