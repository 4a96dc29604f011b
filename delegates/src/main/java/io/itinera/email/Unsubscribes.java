package io.itinera.email;

import io.itinera.contact.Consent;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.ContactUpdates;
import io.itinera.contact.Contacts;
import io.itinera.contact.TopicChoices;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import io.itinera.preference.Topic;
import io.itinera.preference.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribes the recipient of an email at once, and tells journeys through an {@code email_unsubscribed}
 * event: from the email's topic on email when its step named a defined topic, otherwise from all marketing email
 * (the documented choice for RFC 8058 one-click, which cannot ask). Transactional email still goes out. The link
 * names the message, not the contact, and works for {@link #LINK_VALIDITY} after the email was queued.
 */
@Service
public class Unsubscribes {

  /** Far beyond the 30 days that CAN-SPAM asks for: people unsubscribe from old emails too. */
  public static final Duration LINK_VALIDITY = Duration.ofDays(730);

  /** What an unsubscribe link did. */
  public enum Outcome { UNSUBSCRIBED, EXPIRED, NOBODY }

  private final Outbox outbox;
  private final Contacts contacts;
  private final ContactUpdates updates;
  private final EventIntake intake;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Topics topics;

  public Unsubscribes(Outbox outbox, Contacts contacts, ContactUpdates updates, EventIntake intake,
      TransactionTemplate transaction, Clock clock, Topics topics) {
    this.topics = topics;
    this.outbox = outbox;
    this.contacts = contacts;
    this.updates = updates;
    this.intake = intake;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** What the link of this message would do now; {@link Outcome#NOBODY} once the message is gone (erased contact). */
  public Outcome check(String messageId) {
    return validity(outbox.find(messageId));
  }

  /** The defined topic the message's link leaves, if its step named one; empty: the link leaves all marketing email. */
  public Optional<Topic> topic(String messageId) {
    return outbox.topicOf(messageId).flatMap(topics::find);
  }

  public Outcome unsubscribe(String messageId) {
    var message = outbox.find(messageId);
    var outcome = validity(message);
    if (outcome != Outcome.UNSUBSCRIBED) {
      return outcome;
    }
    var contactId = message.orElseThrow().contactId();
    var topic = topic(messageId);
    if (topic.isPresent()) {
      var left = updates.recordTopics(contactId, new TopicChoices(
          Map.of(topic.get().name(), Map.of(ContactPatch.EMAIL, false)), "unsubscribe link"));
      if (!left) {
        return Outcome.NOBODY;
      }
      intake.accept(new NewEvent(contactId, "email_unsubscribed", Map.of("messageId", messageId, "topic",
          topic.get().name()), null, "email_unsubscribed:" + contactId + ":" + messageId));
      return Outcome.UNSUBSCRIBED;
    }
    var changed = transaction.execute(status -> {
      var now = clock.instant();
      var unsubscribed = contacts.unsubscribe(contactId, now);
      if (unsubscribed.orElse(false)) {
        updates.recordConsent(contactId, ContactPatch.EMAIL, new Consent(false, now, "unsubscribe link"));
      }
      return unsubscribed;
    });
    if (changed == null || changed.isEmpty()) {
      return Outcome.NOBODY;
    }
    if (changed.get()) {
      intake.accept(new NewEvent(contactId, "email_unsubscribed", Map.of("messageId", messageId), null,
          "email_unsubscribed:" + contactId + ":" + messageId));
    }
    return Outcome.UNSUBSCRIBED;
  }

  private Outcome validity(Optional<OutboxMessage> message) {
    return message
        .map(sent -> sent.createdAt().plus(LINK_VALIDITY).isBefore(clock.instant()) ? Outcome.EXPIRED : Outcome.UNSUBSCRIBED)
        .orElse(Outcome.NOBODY);
  }
}
