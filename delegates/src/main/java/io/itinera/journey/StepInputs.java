package io.itinera.journey;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The input parameters a journey step reads: the contract between a delegate, the BPMN that calls
 * it and the Modeler element template that fills it in, checked by tests on both sides.
 */
public record StepInputs(Set<String> required, Set<String> optional) {

  /** What a step declares, from the list of the inputs it reads. */
  public static StepInputs of(Collection<StepInput<?>> inputs) {
    var byRequired = inputs.stream().collect(Collectors.partitioningBy(StepInput::isRequired,
        Collectors.mapping(StepInput::name, Collectors.toUnmodifiableSet())));
    return new StepInputs(byRequired.get(true), byRequired.get(false));
  }

  public boolean reads(String input) {
    return required.contains(input) || optional.contains(input);
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
