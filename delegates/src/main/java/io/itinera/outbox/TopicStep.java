package io.itinera.outbox;

import io.itinera.journey.StepInput;
import io.itinera.preference.Topic;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads the optional {@code topic} input of a sending step of any channel ({@code cart}, {@code newsletter}):
 * a message about a topic keeps the other channels quiet about it for a while ({@link ChannelRules}).
 */
public final class TopicStep {

  /** A topic's name. */
  public static final String NAME = Topic.NAME;

  private static final String RULE = "must be 1 to 64 lower-case letters, digits and dashes, such as 'cart'";

  private TopicStep() {
  }

  public static StepInput<String> input() {
    return StepInput.optional("topic");
  }

  public static String from(StepInput<String> input, DelegateExecution execution) {
    var topic = input.from(execution);
    if (topic != null && !topic.matches(NAME)) {
      throw input.invalid(execution, RULE);
    }
    return topic;
  }
}
