package io.itinera.journey;

import java.util.Set;

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
}
