package io.itinera.simulation;

import java.util.List;
import java.util.function.Supplier;

/**
 * One scenario of a journey's {@code <key>.scenarios.yaml}: a plan for the simulator and what the
 * run must do. A scenario that could not be read keeps its {@code problem} and fails when it runs,
 * so one typo fails one scenario, at its line, and not the whole file.
 */
record Scenario(String file, int line, String name, String journey, SimulationPlan plan,
    List<Expectation> expectations, String problem) {

  static Scenario broken(String file, int line, String name, String journey, String problem) {
    return new Scenario(file, line, name, journey, null, List.of(), problem);
  }

  /** The name of its test: {@code welcome-series.scenarios.yaml:12 a new customer who ...}. */
  String title() {
    return file + ":" + line + " " + name;
  }

  /** The plan, or the reason it cannot be read, as a failure at the scenario's line. */
  SimulationPlan readPlan() {
    if (problem != null) {
      throw new AssertionError(at(line) + problem);
    }
    return plan;
  }

  /** Runs the plan, turning a refusal of the simulator into a failure at the scenario's line. */
  SimulationResult run(Supplier<SimulationResult> simulation) {
    try {
      return simulation.get();
    } catch (SimulationRefusedException refused) {
      throw new AssertionError(at(line) + "the simulator refused it: " + refused.field() + " " + refused.getMessage(),
          refused);
    }
  }

  /** Fails with every expectation the run does not meet, each at its own line. */
  void verify(ScenarioRun run) {
    var failures = expectations.stream()
        .flatMap(expectation -> expectation.failure(run).map(failure -> at(expectation.line()) + failure).stream())
        .toList();
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
  }

  String at(int atLine) {
    return file + ":" + atLine + ": scenario '" + name + "': ";
  }
}
