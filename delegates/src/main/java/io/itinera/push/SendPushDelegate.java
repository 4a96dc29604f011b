package io.itinera.push;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepMisconfiguredException;
import io.itinera.template.TemplateException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Send push step: renders title, body and url for the run's contact and queues one Web Push message per
 * subscription in the push outbox. Reads the inputs {@code title}, {@code body}, {@code url}, {@code category};
 * writes {@code lastPushQueueStatus} (QUEUED or SKIPPED) and {@code lastPushReason}. Throws no BPMN error: a
 * skipped push is recorded and the journey goes on; a text that cannot be rendered, a url that is not http(s)
 * or a payload too large for a push service is a {@link StepMisconfiguredException} (an incident at once).
 */
@Component
public class SendPushDelegate implements JavaDelegate, JourneyStep {

  private final PushQueue push;

  public SendPushDelegate(PushQueue push) {
    this.push = push;
  }

  @Override
  public StepInputs inputs() {
    return PushStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = PushStep.from(execution);
    try {
      var result = push.queue(step, execution.getVariables());
      JourneyVariables.LAST_PUSH_QUEUE_STATUS.set(execution, result.status().name());
      JourneyVariables.LAST_PUSH_REASON.set(execution, result.reason());
    } catch (TemplateException broken) {
      throw new StepMisconfiguredException(StepInputs.where(execution) + ": " + broken.getMessage()
          + ". Fix the push's title, body or URL.", broken);
    }
  }
}
