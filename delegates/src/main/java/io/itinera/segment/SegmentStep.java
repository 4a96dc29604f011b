package io.itinera.segment;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The settings of a segment step: the run's contact and the input parameter {@code segment}. */
record SegmentStep(String contactId, String segment) {

  static SegmentStep from(DelegateExecution execution) {
    if (!(execution.getVariableLocal("segment") instanceof String segment) || segment.isBlank()) {
      throw new IllegalArgumentException("Step '" + execution.getCurrentActivityName() + "' ("
          + execution.getCurrentActivityId() + ") has no input parameter 'segment'");
    }
    return new SegmentStep(execution.getProcessBusinessKey(), segment.strip());
  }
}
