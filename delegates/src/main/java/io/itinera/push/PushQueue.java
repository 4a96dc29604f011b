package io.itinera.push;

import io.itinera.contact.ChannelConsents;
import io.itinera.contact.Consent;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.outbox.ChannelRules;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageModel;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.QueueResult;
import io.itinera.outbox.SendTime;
import io.itinera.template.TextMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts the push of one journey step into the push outbox, in the caller's (the engine's) transaction: one
 * message per subscription the contact has now, rendered once. Nothing is sent here. Marketing push needs the
 * contact's push consent, obeys the channel rules and waits out the quiet hours in the contact's zone; transactional push needs only a
 * subscription. A skipped push is one row with its reason; the journey goes on either way. A payload too
 * large for a push service is a {@link io.itinera.template.TemplateException}: the step is misconfigured.
 */
@Service
public class PushQueue {

  /** The channel's name in the channel rules, consents and the contact's channel order. */
  public static final String CHANNEL = Consent.PUSH;

  private final Contacts contacts;
  private final ChannelConsents consents;
  private final ChannelRules rules;
  private final PushSubscriptions subscriptions;
  private final PushOutbox outbox;
  private final TextMessages texts;
  private final SendTime sendTime;
  private final Clock clock;

  PushQueue(Contacts contacts, ChannelConsents consents, ChannelRules rules, PushSubscriptions subscriptions,
      PushOutbox outbox, TextMessages texts, SendTime sendTime, Clock clock) {
    this.contacts = contacts;
    this.consents = consents;
    this.rules = rules;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.texts = texts;
    this.sendTime = sendTime;
    this.clock = clock;
  }

  public QueueResult queue(PushStep step, Map<String, Object> journeyVariables) {
    if (outbox.hasStepPass(step.idempotencyKey())) {
      return QueueResult.alreadyQueued();
    }
    var contact = contacts.require(step.contactId());
    var now = clock.instant();
    var targets = live(subscriptions.ofContact(contact.id()), now);
    var due = sendTime.of(contact, step.category(), now);
    var verdict = verdict(contact, targets, step, due);
    var skipped = verdict.skip();
    if (skipped != null) {
      var id = UUID.randomUUID().toString();
      outbox.insert(new PushMessage(id, contact.id(), step.journeyKey(), step.processInstanceId(), step.category(),
          null, null, null, null, skipped.status(), skipped.text(), 0, now, null, null, null), step.stepId(),
          step.idempotencyKey(), step.idempotencyKey(), step.topic());
      return QueueResult.skipped(id, skipped.status(), skipped.text());
    }
    var model = MessageModel.of(contact, journeyVariables);
    var title = texts.render(step.title(), model);
    var body = texts.render(step.body(), model);
    var url = step.url() == null || step.url().isBlank() ? null : texts.render(step.url(), model).strip();
    PushPayload.of(title, body, url);
    String first = null;
    for (var target : targets) {
      var id = UUID.randomUUID().toString();
      first = first == null ? id : first;
      outbox.insert(new PushMessage(id, contact.id(), step.journeyKey(), step.processInstanceId(), step.category(),
          target.id(), title, body, url, MessageStatus.QUEUED, verdict.reason(), 0, now, null, verdict.at(), null),
          step.stepId(), step.idempotencyKey(), step.idempotencyKey() + "|" + target.id(), step.topic());
    }
    return QueueResult.queued(first);
  }

  /** In this order: a subscription, then for marketing the contact's push consent and the channel rules. */
  private ChannelRules.Verdict verdict(Contact contact, List<PushSubscription> targets, PushStep step,
      SendTime.Due due) {
    var unreachable = unreachable(contact, targets, step.category());
    return unreachable != null ? ChannelRules.Verdict.skip(new ChannelRules.Skip(ChannelRules.Skip.UNREACHABLE, unreachable))
        : rules.check(contact.id(), CHANNEL, step.category(), step.topic(), due, step.pacing());
  }

  /** Why this contact cannot get push of this category at all, or null: a subscription, and for marketing consent. */
  public String unreachable(Contact contact, MessageCategory category) {
    return unreachable(contact, live(subscriptions.ofContact(contact.id()), clock.instant()), category);
  }

  private String unreachable(Contact contact, List<PushSubscription> targets, MessageCategory category) {
    if (targets.isEmpty()) {
      return "the contact has no push subscription";
    }
    if (category == MessageCategory.TRANSACTIONAL) {
      return null;
    }
    return consents.missing(contact.id(), CHANNEL, "push");
  }

  /** The subscriptions the browser has not said have expired: a push to an expired one only comes back 410. */
  private static List<PushSubscription> live(List<PushSubscription> subscriptions, Instant now) {
    return subscriptions.stream()
        .filter(subscription -> subscription.expiresAt() == null || subscription.expiresAt().isAfter(now))
        .toList();
  }
}
