package io.itinera.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Counts the passes through a step, so that its idempotency key is the same on every retry of one
 * pass and new on the next pass of a step in a loop. The count is a process variable written in the
 * step's own transaction: a failed attempt rolls it back, so its retry counts the same pass again; a
 * completed pass commits it. (Activity instance ids would not do: a rolled-back attempt discards them.)
 */
public final class StepPass {

  private StepPass() {
  }

  /** Counts this pass and returns its idempotency key; call it once per execution of the step. */
  public static String idempotencyKey(DelegateExecution execution) {
    var step = execution.getCurrentActivityId();
    var passes = JourneyVariables.passesThrough(step);
    var pass = passes.from(execution).map(previous -> previous + 1).orElse(1);
    passes.set(execution, pass);
    var key = execution.getProcessInstanceId() + ":" + step;
    // The first pass keeps the key earlier releases used, so a job retried across an upgrade keeps it too.
    return pass == 1 ? key : key + ":" + pass;
  }
}
