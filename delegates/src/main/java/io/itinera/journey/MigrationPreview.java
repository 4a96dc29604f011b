package io.itinera.journey;

import java.util.ArrayList;
import java.util.List;

/**
 * What a migration would do, before it runs: per step of the source version with runs in it, how
 * many runs would move and to which step of the target, or why they cannot; and the engine's
 * objections to the plan itself. {@code executable} when there are neither.
 */
public record MigrationPreview(String journey, int sourceVersion, int targetVersion, long runs, boolean executable,
    List<StepMove> steps, List<String> planErrors) {

  /** The runs in one step of the source version and where they go: {@code to} is null when they cannot move. */
  public record StepMove(String step, String name, long runs, String to, String toName, String problem) {
  }

  static MigrationPreview of(String journey, int sourceVersion, int targetVersion, long runs, List<StepMove> steps,
      List<String> planErrors) {
    return new MigrationPreview(journey, sourceVersion, targetVersion, runs,
        planErrors.isEmpty() && steps.stream().allMatch(step -> step.problem() == null), steps, planErrors);
  }

  /** The reasons the migration cannot run, one line each. */
  public List<String> problems() {
    var problems = new ArrayList<>(planErrors);
    steps.stream().filter(step -> step.problem() != null).forEach(step -> problems.add(step.problem()));
    return problems;
  }
}
