package io.itinera.email;

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
    var template = required(execution, "template");
    var category = EmailCategory.parse(required(execution, "category"));
    var journey = execution.getProcessDefinitionId().split(":")[0];
    return new EmailStep(
        execution.getProcessBusinessKey(),
        journey,
        execution.getProcessInstanceId(),
        template,
        category,
        optional(execution, "sender"),
        optional(execution, "replyTo"),
        execution.getCurrentActivityId(),
        execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
  }

  private static String required(DelegateExecution execution, String name) {
    var value = optional(execution, name);
    if (value == null) {
      throw new IllegalArgumentException("Step '" + execution.getCurrentActivityName() + "' ("
          + execution.getCurrentActivityId() + ") has no input parameter '" + name + "'");
    }
    return value;
  }

  private static String optional(DelegateExecution execution, String name) {
    var value = execution.getVariableLocal(name);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }
}
