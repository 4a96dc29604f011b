package io.itinera.content;

import io.itinera.journey.StepInput;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The content inputs of a Send email step: {@code selection} ({@code fixed}, the default, {@code random} or
 * {@code predicted}), {@code reward} ({@code open}, {@code click}, the default, or {@code goal}) and
 * {@code rewardWindow} (ISO-8601, default {@code P3D}): how long after the send a reward still counts.
 */
public record ContentStep(Selection selection, RewardKind reward, Duration window) {

  public static final StepInput<String> SELECTION = StepInput.optional("selection");
  public static final StepInput<String> REWARD = StepInput.optional("reward");
  public static final StepInput<Duration> REWARD_WINDOW = StepInput.duration("rewardWindow");
  public static final List<StepInput<?>> INPUTS = List.of(SELECTION, REWARD, REWARD_WINDOW);
  static final Duration DEFAULT_WINDOW = Duration.ofDays(3);

  public static final ContentStep FIXED = new ContentStep(Selection.FIXED, RewardKind.CLICK, DEFAULT_WINDOW);

  public static ContentStep from(DelegateExecution execution) {
    var selection = parse(SELECTION, execution, Selection.FIXED.name(), Selection::parse);
    var reward = parse(REWARD, execution, RewardKind.CLICK.name(), RewardKind::parse);
    var window = REWARD_WINDOW.from(execution);
    if (window != null && !positive(window)) {
      throw REWARD_WINDOW.invalid(execution, "must be a positive duration such as P3D, not " + window);
    }
    return new ContentStep(selection, reward, window == null ? DEFAULT_WINDOW : window);
  }

  /** Why this value of {@code selection}, {@code reward} or {@code rewardWindow} is wrong; empty when it is fine. */
  public static Optional<String> problem(String input, String value) {
    try {
      if (SELECTION.name().equals(input)) {
        Selection.parse(value);
      } else if (REWARD.name().equals(input)) {
        RewardKind.parse(value);
      } else if (REWARD_WINDOW.name().equals(input) && !positive(Duration.parse(value.strip()))) {
        return Optional.of("must be a positive duration such as P3D, not " + value);
      }
      return Optional.empty();
    } catch (IllegalArgumentException | DateTimeParseException wrong) {
      return Optional.of(REWARD_WINDOW.name().equals(input)
          ? "must be an ISO-8601 duration such as P3D, not '" + value + "'" : wrong.getMessage());
    }
  }

  private static boolean positive(Duration window) {
    return !window.isNegative() && !window.isZero();
  }

  private static <T> T parse(StepInput<String> input, DelegateExecution execution, String fallback,
      Function<String, T> parser) {
    var value = input.from(execution);
    try {
      return parser.apply(value == null ? fallback : value);
    } catch (IllegalArgumentException wrong) {
      throw input.invalid(execution, wrong.getMessage());
    }
  }
}
