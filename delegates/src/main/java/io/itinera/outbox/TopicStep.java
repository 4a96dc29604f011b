package io.itinera.outbox;

import io.itinera.journey.StepInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads the optional {@code topic} input of a sending step of any channel ({@code cart}, {@code newsletter}):
 * a message about a topic keeps the other channels quiet about it for a while ({@link ChannelRules}).
 */
public final class TopicStep {

  private static final String RULE = "must be 1 to 64 lower-case letters, digits and dashes, such as 'cart'";

  private TopicStep() {
  }

  public static StepInput<String> input() {
    return StepInput.optional("topic");
  }

  public static String from(StepInput<String> input, DelegateExecution execution) {
    var topic = input.from(execution);
    if (topic != null && !topic.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw input.invalid(execution, RULE);
    }
    return topic;
  }
}
