package io.itinera.email;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepMisconfiguredException;
import io.itinera.template.TemplateException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Send email step: renders the template for the run's contact and queues it in the outbox.
 * Reads the inputs {@code template}, {@code category}, {@code sender}, {@code replyTo}; writes
 * {@code lastEmailQueueStatus} (QUEUED or SKIPPED; whether it was sent is the outbox's, later) and
 * {@code lastEmailReason}. Throws no BPMN error: a skipped email is recorded and the journey goes on; a
 * missing or broken template is a
 * {@link StepMisconfiguredException} (an incident at once, naming the step).
 */
@Component
public class SendEmailDelegate implements JavaDelegate, JourneyStep {

  private final EmailQueue emails;

  public SendEmailDelegate(EmailQueue emails) {
    this.emails = emails;
  }

  @Override
  public StepInputs inputs() {
    return EmailStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var step = EmailStep.from(execution);
    try {
      var result = emails.queue(step, execution.getVariables());
      JourneyVariables.LAST_EMAIL_QUEUE_STATUS.set(execution, result.status().name());
      JourneyVariables.LAST_EMAIL_REASON.set(execution, result.reason());
    } catch (TemplateException broken) {
      throw new StepMisconfiguredException(StepInputs.where(execution) + ": " + broken.getMessage()
          + ". Set 'Email template' to a template that exists, or fix its files.", broken);
    }
  }
}
