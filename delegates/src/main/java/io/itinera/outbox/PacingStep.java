package io.itinera.outbox;

import io.itinera.journey.StepInput;
import java.time.Duration;
import java.util.List;
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
    if (maxWait == null || maxWait.isNegative() || maxWait.isZero()
        || maxWait.compareTo(Duration.ofDays(LONGEST_WAIT_DAYS)) > 0) {
      throw MAX_WAIT.invalid(execution, "with whenCapped 'wait', must be a duration of at most P"
          + LONGEST_WAIT_DAYS + "D, such as P3D");
    }
    return new Pacing(true, maxWait);
  }
}
