package io.itinera.email;

import io.itinera.content.ContentStep;
import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepPass;
import io.itinera.outbox.CategoryStep;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.Pacing;
import io.itinera.outbox.PacingStep;
import io.itinera.outbox.TopicStep;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one Send email step, read from its input parameters: {@code template},
 * {@code category} ({@code marketing} or {@code transactional}), and optionally {@code sender},
 * {@code replyTo}, {@code topic} (its subscription group), {@code whenCapped}/{@code maxWait}
 * ({@link PacingStep}) and the content inputs ({@link ContentStep}: {@code selection}, {@code reward},
 * {@code rewardWindow}) for a template with variants. The idempotency key is the run, the step and its pass
 * ({@link StepPass}), so a retried step queues once and a step in a loop queues once per pass.
 */
public record EmailStep(
    String contactId,
    String journeyKey,
    String processInstanceId,
    String template,
    MessageCategory category,
    String sender,
    String replyTo,
    String topic,
    Pacing pacing,
    String stepId,
    String idempotencyKey,
    ContentStep content) {

  public static final StepInput<String> TEMPLATE = StepInput.required("template");
  static final StepInput<String> CATEGORY = StepInput.required("category");
  static final StepInput<String> SENDER = StepInput.optional("sender");
  static final StepInput<String> TOPIC = TopicStep.input();
  static final StepInput<String> REPLY_TO = StepInput.optional("replyTo");
  static final StepInputs INPUTS = StepInputs.of(Stream.<List<StepInput<?>>>of(
      List.of(TEMPLATE, CATEGORY, SENDER, REPLY_TO, TOPIC), PacingStep.INPUTS, ContentStep.INPUTS)
      .flatMap(List::stream).toList());

  public static EmailStep from(DelegateExecution execution) {
    var template = TEMPLATE.from(execution);
    var category = CategoryStep.from(CATEGORY, execution);
    return new EmailStep(
        execution.getProcessBusinessKey(),
        StepInputs.journeyKey(execution),
        execution.getProcessInstanceId(),
        template,
        category,
        SENDER.from(execution),
        REPLY_TO.from(execution),
        TopicStep.from(TOPIC, execution),
        PacingStep.from(execution),
        execution.getCurrentActivityId(),
        StepPass.idempotencyKey(execution),
        ContentStep.from(execution));
  }
}
