package io.itinera.contact;

import io.itinera.catalogue.NameCatalogue;
import io.itinera.journey.JourneyRouter;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an identify call: merges the change into the stored contact, starts the journeys whose
 * start condition the change made true, and lets the contact's running journeys re-check their
 * conditional events (wait until {@code ${contact.lifecycleStage == 'customer'}}), in one
 * transaction.
 */
@Service
public class ContactUpdates {

  private final Contacts contacts;
  private final NameCatalogue names;
  private final JourneyRouter router;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ContactUpdates(Contacts contacts, NameCatalogue names, JourneyRouter router, TransactionTemplate transaction,
      Clock clock) {
    this.contacts = contacts;
    this.names = names;
    this.router = router;
    this.transaction = transaction;
    this.clock = clock;
  }

  public ContactUpdate apply(String contactId, ContactPatch patch) {
    return transaction.execute(status -> {
      var now = clock.instant();
      var existing = contacts.findForUpdate(contactId);
      var holdingBefore = existing.isPresent() ? router.conditionalStartsHolding(contactId) : Set.<String>of();
      var updated = patch.applyTo(existing.orElseGet(() -> Contact.create(contactId, now)), now);
      if (existing.isPresent()) {
        contacts.update(updated);
      } else {
        contacts.insert(updated);
      }
      names.recordAttributes(updated.attributes().keySet());
      var routing = router.contactChanged(contactId, holdingBefore);
      if (existing.isPresent()) {
        router.recheckConditions(contactId);
      }
      return new ContactUpdate(updated, existing.isEmpty(), routing);
    });
  }
}
