package io.itinera.channel;

import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.email.EmailQueue;
import io.itinera.email.SendEmailDelegate;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariable;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import io.itinera.outbox.CategoryStep;
import io.itinera.outbox.ChannelOrder;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.PacingStep;
import io.itinera.outbox.TopicStep;
import io.itinera.push.PushQueue;
import io.itinera.push.SendPushDelegate;
import io.itinera.sms.SendSmsDelegate;
import io.itinera.sms.SmsQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Send on best channel step: the step holds the content of each channel it offers (an email
 * {@code template}, an SMS {@code text}, a push {@code title}, {@code body} and optional {@code url}) and sends on the first of them, in the contact's channel order, that
 * the contact can get (an address or number, and for marketing its consent). The chosen channel's own step
 * then runs as if it stood in the journey (its checks, the channel rules, its outbox), so a send the rules
 * skip is recorded there with its reason. Writes {@code lastBestChannel} (null when no channel would do),
 * {@code lastBestChannelStatus} and {@code lastBestChannelReason} (which channels were passed over and why).
 * When no channel would do, the first offered one records the skip, and the journey goes on.
 */
@Component
public class SendOnBestChannelDelegate implements JavaDelegate, JourneyStep {

  private static final StepInput<String> TEMPLATE = StepInput.optional("template");
  private static final StepInput<String> TEXT = StepInput.optional("text");
  private static final StepInput<String> TITLE = StepInput.optional("title");
  private static final StepInput<String> BODY = StepInput.optional("body");
  private static final StepInput<String> URL = StepInput.optional("url");
  private static final StepInput<String> CATEGORY = StepInput.required("category");
  private static final StepInput<String> TOPIC = TopicStep.input();
  private static final StepInputs INPUTS = StepInputs.of(Stream.concat(
      Stream.of(TEMPLATE, TEXT, TITLE, BODY, URL, CATEGORY, TOPIC), PacingStep.INPUTS.stream()).toList());

  private final Contacts contacts;
  private final ChannelOrder order;
  private final Map<String, OfferedStep> channels;

  SendOnBestChannelDelegate(Contacts contacts, ChannelOrder order, EmailQueue email, SendEmailDelegate sendEmail,
      SmsQueue sms, SendSmsDelegate sendSms, PushQueue push, SendPushDelegate sendPush) {
    this.contacts = contacts;
    this.order = order;
    this.channels = Map.of(
        EmailQueue.CHANNEL, new OfferedStep(TEMPLATE, email::unreachable, sendEmail, JourneyVariables.LAST_EMAIL_QUEUE_STATUS,
            JourneyVariables.LAST_EMAIL_REASON),
        SmsQueue.CHANNEL, new OfferedStep(TEXT, sms::unreachable, sendSms, JourneyVariables.LAST_SMS_QUEUE_STATUS,
            JourneyVariables.LAST_SMS_REASON),
        PushQueue.CHANNEL, new OfferedStep(TITLE, push::unreachable, sendPush, JourneyVariables.LAST_PUSH_QUEUE_STATUS,
            JourneyVariables.LAST_PUSH_REASON));
  }

  @Override
  public StepInputs inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    var category = CategoryStep.from(CATEGORY, execution);
    TopicStep.from(TOPIC, execution);
    var offered = new LinkedHashMap<String, OfferedStep>();
    for (var channel : order.of(execution.getProcessBusinessKey())) {
      var offer = channels.get(channel);
      if (offer != null && offer.content().from(execution) != null) {
        offered.put(channel, offer);
      }
    }
    if (offered.isEmpty()) {
      throw TEMPLATE.invalid(execution, "or 'text' or 'title': give the content of at least one channel");
    }
    var contact = contacts.require(execution.getProcessBusinessKey());
    var passedOver = new ArrayList<String>();
    String chosen = null;
    for (var channel : offered.entrySet()) {
      var unreachable = channel.getValue().unreachable().apply(contact, category);
      if (unreachable == null) {
        chosen = channel.getKey();
        break;
      }
      passedOver.add(channel.getKey() + ": " + unreachable);
    }
    var sending = offered.get(chosen == null ? offered.keySet().iterator().next() : chosen);
    sending.step().execute(execution);
    JourneyVariables.LAST_BEST_CHANNEL.set(execution, chosen);
    JourneyVariables.LAST_BEST_CHANNEL_STATUS.set(execution, sending.status().from(execution).orElse(null));
    var reason = sending.reason().from(execution).orElse(null);
    if (chosen == null) {
      reason = "no channel the contact can get (" + String.join("; ", passedOver) + ")";
    } else if (!passedOver.isEmpty()) {
      reason = (reason == null ? "" : reason + "; ") + "passed over " + String.join("; ", passedOver);
    }
    JourneyVariables.LAST_BEST_CHANNEL_REASON.set(execution, reason);
  }

  /** A channel the step can send on: the input holding its content, who can get it, and its own step. */
  private record OfferedStep(StepInput<String> content, BiFunction<Contact, MessageCategory, String> unreachable,
      JavaDelegate step, JourneyVariable<String> status, JourneyVariable<String> reason) {
  }
}
