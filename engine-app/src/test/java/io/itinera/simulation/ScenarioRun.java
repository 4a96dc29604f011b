package io.itinera.simulation;

import java.util.List;

/**
 * What a scenario's expectations are checked against, and what the simulated and the real run of a
 * scenario must agree on: the steps passed in order, the emails (template and status) in order, and
 * how the run ended ({@link SimulationResult.Ending#how()}) at which step.
 */
record ScenarioRun(List<String> steps, List<Email> emails, String ending, String endStep) {

  record Email(String template, String status) {

    @Override
    public String toString() {
      return template + " " + status;
    }
  }

  static ScenarioRun of(SimulationResult result) {
    return new ScenarioRun(result.steps(),
        result.emails().stream().map(email -> new Email(email.template(), email.status())).toList(),
        result.ending().how(), result.ending().step());
  }

  List<String> templates(String status) {
    return emails.stream().filter(email -> email.status().equals(status)).map(Email::template).toList();
  }
}
