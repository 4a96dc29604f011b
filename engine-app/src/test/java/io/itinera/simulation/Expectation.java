package io.itinera.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry under a scenario's {@code expect}, with its line in the file. A list ({@code steps},
 * {@code notSteps}, {@code emails}, {@code skipped}) or one word ({@code ending}, {@code endStep}).
 */
record Expectation(String key, List<String> values, int line) {

  static final Set<String> LISTS = Set.of("steps", "notSteps", "emails", "skipped");
  static final Set<String> WORDS = Set.of("ending", "endStep");
  static final Set<String> ENDINGS = Set.of("end", "goal", "time-limit", "horizon", "not-entered", "failed");

  /** What is wrong with the run, in words, or empty if the expectation holds. */
  Optional<String> failure(ScenarioRun run) {
    return switch (key) {
      case "steps" -> inOrder(values, run.steps()) ? Optional.empty()
          : Optional.of("expected the steps " + values + " in this order, but the run passed " + run.steps());
      case "notSteps" -> {
        var passed = values.stream().filter(run.steps()::contains).toList();
        yield passed.isEmpty() ? Optional.empty()
            : Optional.of("expected the run never to pass " + passed + ", but it passed " + run.steps());
      }
      case "emails" -> exactly("queued", values, run.templates("QUEUED"));
      case "skipped" -> exactly("skipped", values, run.templates("SKIPPED"));
      case "ending" -> values.get(0).equals(run.ending()) ? Optional.empty()
          : Optional.of("expected the run to end as '" + values.get(0) + "', but it ended as '" + run.ending()
              + "' at " + run.endStep());
      case "endStep" -> values.get(0).equals(run.endStep()) ? Optional.empty()
          : Optional.of("expected the run to end at " + values.get(0) + ", but it ended ('" + run.ending() + "') at "
              + run.endStep());
      default -> throw new IllegalStateException("not an expectation: " + key);
    };
  }

  private static Optional<String> exactly(String status, List<String> expected, List<String> actual) {
    return expected.equals(actual) ? Optional.empty() : Optional.of("expected exactly the emails " + expected + " "
        + status + ", in this order, but the run " + status + " " + actual);
  }

  /** Whether {@code expected} occurs in {@code passed} in this order, other steps allowed in between. */
  private static boolean inOrder(List<String> expected, List<String> passed) {
    var rest = new ArrayList<>(passed);
    for (var step : expected) {
      var at = rest.indexOf(step);
      if (at < 0) {
        return false;
      }
      rest.subList(0, at + 1).clear();
    }
    return true;
  }
}
