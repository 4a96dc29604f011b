package io.itinera.sms;

import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepPass;
import io.itinera.outbox.CategoryStep;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.Pacing;
import io.itinera.outbox.PacingStep;
import io.itinera.outbox.TopicStep;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one Send SMS step, read from its input parameters: {@code text} (a Thymeleaf TEXT
 * template written in the step, with {@code [(*{contact.firstName})]}: the engine itself reads {@code ${...}}), {@code category} ({@code marketing} or {@code transactional}) and
 * optionally {@code sender} (the sender id shown on the phone) and {@code topic} (for cross-channel
 * suppression). The idempotency key is the run, the step and
 * its pass ({@link StepPass}), so a retried step queues once and a step in a loop once per pass.
 */
public record SmsStep(
    String contactId,
    String journeyKey,
    String processInstanceId,
    String text,
    MessageCategory category,
    String sender,
    String topic,
    Pacing pacing,
    String stepId,
    String idempotencyKey) {

  static final StepInput<String> TEXT = StepInput.required("text");
  static final StepInput<String> CATEGORY = StepInput.required("category");
  static final StepInput<String> SENDER = StepInput.optional("sender");
  static final StepInput<String> TOPIC = TopicStep.input();
  static final StepInputs INPUTS = StepInputs.of(Stream.concat(
      Stream.of(TEXT, CATEGORY, SENDER, TOPIC), PacingStep.INPUTS.stream()).toList());

  public static SmsStep from(DelegateExecution execution) {
    var text = TEXT.from(execution);
    var category = CategoryStep.from(CATEGORY, execution);
    var sender = SENDER.from(execution);
    if (sender != null && !SenderId.valid(sender)) {
      throw SENDER.invalid(execution, SenderId.RULE);
    }
    return new SmsStep(
        execution.getProcessBusinessKey(),
        StepInputs.journeyKey(execution),
        execution.getProcessInstanceId(),
        text,
        category,
        sender,
        TopicStep.from(TOPIC, execution),
        PacingStep.from(execution),
        execution.getCurrentActivityId(),
        StepPass.idempotencyKey(execution));
  }
}
