package io.itinera.segment;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Remove from segment step. Input: {@code segment}. Removing a non-member changes nothing. */
@Component
public class RemoveFromSegmentDelegate implements JavaDelegate, JourneyStep {

  private final Segments segments;

  public RemoveFromSegmentDelegate(Segments segments) {
    this.segments = segments;
  }

  @Override
  public StepInputs inputs() {
    return SegmentStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = SegmentStep.from(execution);
    segments.remove(step.segment(), step.contactId());
  }
}
