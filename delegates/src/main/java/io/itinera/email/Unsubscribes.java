package io.itinera.email;

import io.itinera.contact.Consent;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.ContactUpdates;
import io.itinera.contact.Contacts;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribes the recipient of an email from marketing email at once, and tells journeys through an
 * {@code email_unsubscribed} event. Transactional email still goes out. The link names the message,
 * not the contact, and works for {@link #LINK_VALIDITY} after the email was queued.
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

  public Unsubscribes(Outbox outbox, Contacts contacts, ContactUpdates updates, EventIntake intake,
      TransactionTemplate transaction, Clock clock) {
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

  public Outcome unsubscribe(String messageId) {
    var message = outbox.find(messageId);
    var outcome = validity(message);
    if (outcome != Outcome.UNSUBSCRIBED) {
      return outcome;
    }
    var contactId = message.orElseThrow().contactId();
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
