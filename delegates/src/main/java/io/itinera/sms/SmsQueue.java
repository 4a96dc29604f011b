package io.itinera.sms;

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
import io.itinera.template.TemplateException;
import io.itinera.template.TextMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts one SMS of a journey step into the SMS outbox, in the caller's (the engine's) transaction: checks
 * that it may be sent, renders it and inserts it. Nothing is sent here. Marketing SMS needs the contact's
 * SMS consent, obeys the channel rules and waits out the quiet hours in the contact's zone; transactional SMS
 * needs only a phone number. A skipped SMS is recorded with its reason; the journey goes on either way.
 */
@Service
public class SmsQueue {

  /** The channel's name in the channel rules, consents and the contact's channel order. */
  public static final String CHANNEL = Consent.SMS;

  private final Contacts contacts;
  private final ChannelConsents consents;
  private final ChannelRules rules;
  private final SmsOutbox outbox;
  private final TextMessages texts;
  private final SmsProperties properties;
  private final SendTime sendTime;
  private final Clock clock;

  SmsQueue(Contacts contacts, ChannelConsents consents, ChannelRules rules, SmsOutbox outbox, TextMessages texts,
      SmsProperties properties, SendTime sendTime, Clock clock) {
    this.contacts = contacts;
    this.consents = consents;
    this.rules = rules;
    this.outbox = outbox;
    this.texts = texts;
    this.properties = properties;
    this.sendTime = sendTime;
    this.clock = clock;
  }

  public QueueResult queue(SmsStep step, Map<String, Object> journeyVariables) {
    if (outbox.hasKey(step.idempotencyKey())) {
      return QueueResult.alreadyQueued();
    }
    var contact = contacts.require(step.contactId());
    var now = clock.instant();
    var id = UUID.randomUUID().toString();
    var due = sendTime.of(contact, step.category(), now);
    var verdict = verdict(contact, step, due);
    var skipped = verdict.skip();
    if (skipped != null) {
      outbox.insert(message(id, step, contact, null, skipped.status(), skipped.text(), now, null), step.stepId(),
          step.idempotencyKey(), step.topic());
      return QueueResult.skipped(id, skipped.status(), skipped.text());
    }
    var text = texts.render(step.text(), MessageModel.of(contact, journeyVariables));
    var parts = SmsCodec.parts(text);
    if (parts > properties.maxParts()) {
      throw new TemplateException("The SMS text takes " + parts + " parts (" + text.length() + " characters, "
          + SmsCodec.coding(text) + "), more than the " + properties.maxParts() + " allowed", null);
    }
    outbox.insert(message(id, step, contact, text, MessageStatus.QUEUED, verdict.reason(), now, verdict.at()),
        step.stepId(), step.idempotencyKey(), step.topic());
    return QueueResult.queued(id);
  }

  /** In this order: a phone number, then for marketing the contact's SMS consent and the channel rules. */
  private ChannelRules.Verdict verdict(Contact contact, SmsStep step, SendTime.Due due) {
    var unreachable = unreachable(contact, step.category());
    return unreachable != null ? ChannelRules.Verdict.skip(new ChannelRules.Skip(ChannelRules.Skip.UNREACHABLE, unreachable))
        : rules.check(contact.id(), CHANNEL, step.category(), step.topic(), due, step.pacing());
  }

  /** Why this contact cannot get SMS of this category at all, or null: a phone number, and for marketing consent. */
  public String unreachable(Contact contact, MessageCategory category) {
    if (contact.phone() == null) {
      return "the contact has no phone number";
    }
    if (category == MessageCategory.TRANSACTIONAL) {
      return null;
    }
    return consents.missing(contact.id(), CHANNEL, "SMS");
  }

  private SmsMessage message(String id, SmsStep step, Contact contact, String text, MessageStatus status,
      String reason, Instant now, Instant sendAt) {
    return new SmsMessage(id, contact.id(), step.journeyKey(), step.processInstanceId(), step.category(),
        contact.phone(), step.sender() == null ? properties.sender() : step.sender(), text, status, reason, 0, now,
        null, sendAt, null, null, null);
  }
}
