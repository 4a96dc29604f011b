package io.itinera.push;

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
 * The settings of one Send push step, read from its input parameters: {@code title}, {@code body} and
 * optionally {@code url} (the page a click opens), each a Thymeleaf TEXT template written in the step with
 * {@code [(*{contact.firstName})]} as for SMS; {@code category} ({@code marketing} or {@code transactional}); optionally {@code topic} (for cross-channel
 * suppression).
 * The idempotency key is the run, the step and its pass ({@link StepPass}).
 */
public record PushStep(
    String contactId,
    String journeyKey,
    String processInstanceId,
    String title,
    String body,
    String url,
    MessageCategory category,
    String topic,
    Pacing pacing,
    String stepId,
    String idempotencyKey) {

  static final StepInput<String> TITLE = StepInput.required("title");
  static final StepInput<String> BODY = StepInput.required("body");
  static final StepInput<String> URL = StepInput.optional("url");
  static final StepInput<String> CATEGORY = StepInput.required("category");
  static final StepInput<String> TOPIC = TopicStep.input();
  static final StepInputs INPUTS = StepInputs.of(Stream.concat(
      Stream.of(TITLE, BODY, URL, CATEGORY, TOPIC), PacingStep.INPUTS.stream()).toList());

  public static PushStep from(DelegateExecution execution) {
    return new PushStep(
        execution.getProcessBusinessKey(),
        StepInputs.journeyKey(execution),
        execution.getProcessInstanceId(),
        TITLE.from(execution),
        BODY.from(execution),
        URL.from(execution),
        CategoryStep.from(CATEGORY, execution),
        TopicStep.from(TOPIC, execution),
        PacingStep.from(execution),
        execution.getCurrentActivityId(),
        StepPass.idempotencyKey(execution));
  }
}
