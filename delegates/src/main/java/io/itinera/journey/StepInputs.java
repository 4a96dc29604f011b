package io.itinera.journey;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The input parameters a journey step reads: the contract between a delegate, the BPMN that calls
 * it and the Modeler element template that fills it in, checked by tests on both sides.
 */
public record StepInputs(Set<String> required, Set<String> optional) {

  public static StepInputs of(Set<String> required, Set<String> optional) {
    return new StepInputs(Set.copyOf(required), Set.copyOf(optional));
  }

  public boolean reads(String input) {
    return required.contains(input) || optional.contains(input);
  }

  /** An input as text; null when left out or empty (the Modeler writes empty fields). */
  public static String text(DelegateExecution execution, String input) {
    return execution.getVariableLocal(input) instanceof String value && !value.isBlank() ? value.strip() : null;
  }

  /** An input that must be there, or a failure that names the step and the input. */
  public static String required(DelegateExecution execution, String input) {
    var value = text(execution, input);
    if (value == null) {
      throw new IllegalArgumentException(where(execution) + " has no input parameter '" + input + "'");
    }
    return value;
  }

  /** How an incident names the step: {@code Step 'Send welcome email' (Task_SendWelcomeEmail)}. */
  public static String where(DelegateExecution execution) {
    return "Step '" + execution.getCurrentActivityName() + "' (" + execution.getCurrentActivityId() + ")";
  }

  /**
   * The journey a step runs in: the key of its process definition. Not a prefix of the definition id,
   * which Camunda makes a bare UUID when {@code key:version:uuid} would exceed 64 characters.
   */
  public static String journeyKey(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity) {
      return entity.getProcessDefinition().getKey(); // from the deployment cache, no query on every step
    }
    return execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
  }
}
