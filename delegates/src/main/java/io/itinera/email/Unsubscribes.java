package io.itinera.email;

import io.itinera.contact.Contacts;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unsubscribes a contact from marketing email at once, and tells journeys through an
 * {@code email_unsubscribed} event. Transactional email still goes out.
 */
@Service
public class Unsubscribes {

  private final Contacts contacts;
  private final EventIntake intake;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public Unsubscribes(Contacts contacts, EventIntake intake, TransactionTemplate transaction, Clock clock) {
    this.contacts = contacts;
    this.intake = intake;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** @return false if the contact no longer exists (erased): there is nobody left to unsubscribe */
  public boolean unsubscribe(String contactId, String messageId) {
    Optional<Boolean> changed = transaction.execute(status -> contacts.unsubscribe(contactId, clock.instant()));
    if (changed == null || changed.isEmpty()) {
      return false;
    }
    if (changed.get()) {
      intake.accept(new NewEvent(contactId, "email_unsubscribed", Map.of("messageId", messageId), null,
          "email_unsubscribed:" + contactId + ":" + messageId));
    }
    return true;
  }
}
