package io.itinera.email;

import io.itinera.journey.StepInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one Send email step, read from its input parameters: {@code template},
 * {@code category} ({@code marketing} or {@code transactional}), and optionally {@code sender} and
 * {@code replyTo}. The idempotency key is the run and the step, so a step that runs twice queues once.
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
        execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
  }
}
