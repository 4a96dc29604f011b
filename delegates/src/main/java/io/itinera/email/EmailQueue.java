package io.itinera.email;

import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.contact.Suppressions;
import io.itinera.content.ContentSelection;
import io.itinera.outbox.ChannelRules;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageModel;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.QueueResult;
import io.itinera.outbox.SendTime;
import io.itinera.template.EmailTemplates;
import io.itinera.template.RenderedEmail;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Puts one email of a journey step into the outbox, in the caller's (the engine's) transaction:
 * checks that it may be sent, renders it and inserts it. Nothing is sent here. A skipped email is
 * recorded with its reason; the journey goes on either way.
 */
@Service
public class EmailQueue {

  /** The channel's name in the channel rules and the contact's channel order. */
  public static final String CHANNEL = "email";

  private final Contacts contacts;
  private final Suppressions suppressions;
  private final ChannelRules rules;
  private final Outbox outbox;
  private final EmailTemplates templates;
  private final EmailLinks links;
  private final EmailProperties properties;
  private final SendTime sendTime;
  private final Clock clock;
  private final EmailMetrics metrics;
  private final ContentSelection content;

  EmailQueue(Contacts contacts, Suppressions suppressions, ChannelRules rules, Outbox outbox, EmailTemplates templates,
      EmailLinks links, EmailProperties properties, SendTime sendTime, Clock clock,
      EmailMetrics metrics, ContentSelection content) {
    this.contacts = contacts;
    this.suppressions = suppressions;
    this.rules = rules;
    this.outbox = outbox;
    this.templates = templates;
    this.links = links;
    this.properties = properties;
    this.sendTime = sendTime;
    this.clock = clock;
    this.metrics = metrics;
    this.content = content;
  }

  public QueueResult queue(EmailStep step, Map<String, Object> journeyVariables) {
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
      outbox.insert(message(id, step, contact, null, skipped.status(), skipped.text(), now, null),
          step.stepId(), step.idempotencyKey(), step.topic());
      metrics.skipped(step, skipped.reason());
      return QueueResult.skipped(id, skipped.status(), skipped.text());
    }
    var variants = content.choose(step.template(), step.content(), contact, id, step.processInstanceId(), now);
    var model = model(contact, journeyVariables, id);
    if (step.category() == MessageCategory.MARKETING) {
      model.put("preferencesUrl", links.preferencesUrl(id));
    }
    var rendered = templates.render(step.template(), model, variants);
    var email = links.track(rendered, id);
    outbox.insert(message(id, step, contact, email, MessageStatus.QUEUED, verdict.rules().reason(), now,
        verdict.rules().at()), step.stepId(), step.idempotencyKey(), step.topic());
    metrics.queued(step);
    return QueueResult.queued(id);
  }

  /** The template as this contact would get it, without tracking; empty if there is no such contact. */
  public Optional<RenderedEmail> preview(String template, String contactId) {
    return preview(template, contactId, Map.of());
  }

  /**
   * The template as this contact would get it from a journey holding these variables (the trigger
   * event under {@code event}), without tracking; empty if there is no such contact.
   */
  public Optional<RenderedEmail> preview(String template, String contactId, Map<String, Object> journeyVariables) {
    return contacts.find(contactId)
        .map(contact -> templates.render(template, model(contact, journeyVariables, "preview")));
  }

  /**
   * Why this contact cannot get email of this category at all, or null: an address, and for marketing
   * consent (no unsubscribe) and no suppression.
   */
  public String unreachable(Contact contact, MessageCategory category) {
    var skip = reachable(contact, category);
    return skip == null ? null : skip.text();
  }

  /** In this order: an address, consent (marketing), suppression (marketing), the channel rules (marketing). */
  private Verdict verdict(Contact contact, EmailStep step, SendTime.Due due) {
    var unreachable = reachable(contact, step.category());
    if (unreachable != null) {
      return new Verdict(unreachable, null);
    }
    var rules = this.rules.check(contact.id(), CHANNEL, step.category(), step.topic(), due, step.pacing());
    return new Verdict(rules.skip() == null ? null
        : new Skip(SkipReason.valueOf(rules.skip().constant()), rules.skip().text()), rules);
  }

  private Skip reachable(Contact contact, MessageCategory category) {
    if (contact.email() == null) {
      return new Skip(SkipReason.NO_ADDRESS, "the contact has no email address");
    }
    if (category == MessageCategory.TRANSACTIONAL) {
      return null;
    }
    if (contact.unsubscribedAt() != null) {
      return new Skip(SkipReason.UNSUBSCRIBED, "the contact unsubscribed");
    }
    if (suppressions.isSuppressed(contact.email())) {
      return new Skip(SkipReason.SUPPRESSED, "the address is suppressed");
    }
    return null;
  }

  /** A reason to skip: its code for metrics and its text for people. */
  private record Skip(SkipReason reason, String text) {

    MessageStatus status() {
      return reason == SkipReason.WITHHELD ? MessageStatus.WITHHELD : MessageStatus.SKIPPED;
    }
  }

  /** The email's fate: skipped, or queued when and because the rules say. */
  private record Verdict(Skip skip, ChannelRules.Verdict rules) {
  }

  private Map<String, Object> model(Contact contact, Map<String, Object> journeyVariables, String messageId) {
    var model = MessageModel.of(contact, journeyVariables);
    model.put("unsubscribeUrl", links.unsubscribeUrl(messageId));
    return model;
  }

  private OutboxMessage message(String id, EmailStep step, Contact contact, RenderedEmail email,
      MessageStatus status, String reason, Instant now, Instant sendAt) {
    return new OutboxMessage(id, contact.id(), step.journeyKey(), step.processInstanceId(), step.template(),
        step.category(), contact.email(), step.sender() == null ? properties.from() : step.sender(), step.replyTo(),
        email == null ? null : email.subject(), email == null ? null : email.html(), email == null ? null : email.text(),
        status, reason, 0, now, null, sendAt);
  }
}
