package io.itinera.segment;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** What the Add to segment and Remove from segment steps share: the input {@code segment} and the run's contact. */
abstract class SegmentMembershipStep implements JavaDelegate, JourneyStep {

  protected final Segments segments;

  SegmentMembershipStep(Segments segments) {
    this.segments = segments;
  }

  @Override
  public StepInputs inputs() {
    return SegmentStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = SegmentStep.from(execution);
    change(step.segment(), step.contactId());
  }

  abstract void change(String segment, String contactId);
}
