package io.itinera.segment;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Add to segment step. Input: {@code segment}. Adding a member again changes nothing. */
@Component
public class AddToSegmentDelegate implements JavaDelegate, JourneyStep {

  private final Segments segments;

  public AddToSegmentDelegate(Segments segments) {
    this.segments = segments;
  }

  @Override
  public StepInputs inputs() {
    return SegmentStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = SegmentStep.from(execution);
    segments.add(step.segment(), step.contactId());
  }
}
