package io.itinera.sms;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepMisconfiguredException;
import io.itinera.template.TemplateException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Send SMS step: renders the text for the run's contact and queues it in the SMS outbox. Reads the
 * inputs {@code text}, {@code category}, {@code sender}; writes {@code lastSmsQueueStatus} (QUEUED or
 * SKIPPED) and {@code lastSmsReason}. Throws no BPMN error: a skipped SMS is recorded and the journey goes
 * on; a text that cannot be rendered, or is longer than the parts allowed, is a
 * {@link StepMisconfiguredException} (an incident at once, naming the step).
 */
@Component
public class SendSmsDelegate implements JavaDelegate, JourneyStep {

  private final SmsQueue sms;

  public SendSmsDelegate(SmsQueue sms) {
    this.sms = sms;
  }

  @Override
  public StepInputs inputs() {
    return SmsStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = SmsStep.from(execution);
    try {
      var result = sms.queue(step, execution.getVariables());
      JourneyVariables.LAST_SMS_QUEUE_STATUS.set(execution, result.status().name());
      JourneyVariables.LAST_SMS_REASON.set(execution, result.reason());
    } catch (TemplateException broken) {
      throw new StepMisconfiguredException(StepInputs.where(execution) + ": " + broken.getMessage()
          + ". Fix 'SMS text'.", broken);
    }
  }
}
