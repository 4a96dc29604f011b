package io.itinera.outbox;

import io.itinera.journey.StepInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the {@code category} input of a sending step of any channel: {@code marketing} or {@code transactional}. */
public final class CategoryStep {

  private CategoryStep() {
  }

  public static MessageCategory from(StepInput<String> input, DelegateExecution execution) {
    try {
      return MessageCategory.parse(input.from(execution));
    } catch (IllegalArgumentException unknown) {
      throw input.invalid(execution, unknown.getMessage());
    }
  }
}
