package io.itinera.segment;

import io.itinera.journey.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The settings of a segment step: the run's contact and the input parameter {@code segment}. */
record SegmentStep(String contactId, String segment) {

  static SegmentStep from(DelegateExecution execution) {
    return new SegmentStep(execution.getProcessBusinessKey(), StepInputs.required(execution, "segment"));
  }
}
