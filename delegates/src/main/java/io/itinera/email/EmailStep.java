package io.itinera.email;

import io.itinera.journey.StepInputs;
import io.itinera.journey.StepPass;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one Send email step, read from its input parameters: {@code template},
 * {@code category} ({@code marketing} or {@code transactional}), and optionally {@code sender} and
 * {@code replyTo}. The idempotency key is the run, the step and its pass ({@link StepPass}), so a retried
 * step queues once and a step in a loop queues once per pass.
 */
public record EmailStep(
    String contactId,
    String journeyKey,
    String processInstanceId,
    String template,
    EmailCategory category,
    String sender,
    String replyTo,
    String stepId,
    String idempotencyKey) {

  public static EmailStep from(DelegateExecution execution) {
    var template = StepInputs.required(execution, "template");
    var category = EmailCategory.parse(StepInputs.required(execution, "category"));
    return new EmailStep(
        execution.getProcessBusinessKey(),
        StepInputs.journeyKey(execution),
        execution.getProcessInstanceId(),
        template,
        category,
        StepInputs.text(execution, "sender"),
        StepInputs.text(execution, "replyTo"),
        execution.getCurrentActivityId(),
        StepPass.idempotencyKey(execution));
  }
}
