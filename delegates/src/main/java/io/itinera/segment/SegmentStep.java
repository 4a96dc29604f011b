package io.itinera.segment;

import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The settings of a segment step: the run's contact and the input parameter {@code segment}. */
record SegmentStep(String contactId, String segment) {

  static final StepInput<String> SEGMENT = StepInput.required("segment");
  static final StepInputs INPUTS = StepInputs.of(List.of(SEGMENT));

  static SegmentStep from(DelegateExecution execution) {
    return new SegmentStep(execution.getProcessBusinessKey(), SEGMENT.from(execution));
  }
}
