package io.itinera.contact;

import io.itinera.catalogue.NameCatalogue;
import io.itinera.journey.JourneyRouter;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an identify call: merges the change into the stored contact, starts the journeys whose
 * start condition the change made true, and lets the contact's running journeys re-check their
 * conditional events (wait until {@code ${contact.lifecycleStage == 'customer'}}), in one
 * transaction. Consent changes and the channel order come with it; a withdrawal is published
 * ({@link ConsentWithdrawn}) in the same transaction.
 */
@Service
public class ContactUpdates {

  private final Contacts contacts;
  private final ChannelConsents consents;
  private final ChannelPriorities priorities;
  private final NameCatalogue names;
  private final JourneyRouter router;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public ContactUpdates(Contacts contacts, ChannelConsents consents, ChannelPriorities priorities, NameCatalogue names,
      JourneyRouter router, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
    this.contacts = contacts;
    this.consents = consents;
    this.priorities = priorities;
    this.events = events;
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
      patch.consents().forEach((channel, consent) -> record(contactId, channel, consent));
      if (patch.channelOrder() != null) {
        priorities.set(contactId, patch.channelOrder());
      }
      if (!patch.topics().isEmpty()) {
        events.publishEvent(new TopicsChosen(contactId, patch.topics(), now));
      }
      names.recordAttributes(updated.attributes().keySet());
      var routing = router.contactChanged(contactId, holdingBefore);
      if (existing.isPresent()) {
        router.recheckConditions(contactId);
      }
      return new ContactUpdate(updated, existing.isEmpty(), routing);
    });
  }

  /**
   * Records a consent change that comes from outside the identify call (an inbound {@code STOP}), with the
   * contact's row locked like every other change; false if there is no such contact.
   */
  public boolean recordConsent(String contactId, String channel, Consent consent) {
    return Boolean.TRUE.equals(transaction.execute(status -> contacts.findForUpdate(contactId)
        .map(contact -> {
          record(contactId, channel, consent);
          return true;
        })
        .orElse(false)));
  }

  /**
   * Records topic choices that come from outside the identify call (an unsubscribe link, the preference page),
   * with the contact's row locked; false if there is no such contact.
   */
  public boolean recordTopics(String contactId, TopicChoices choices) {
    return Boolean.TRUE.equals(transaction.execute(status -> contacts.findForUpdate(contactId)
        .map(contact -> {
          events.publishEvent(new TopicsChosen(contactId, choices, clock.instant()));
          return true;
        })
        .orElse(false)));
  }

  private void record(String contactId, String channel, Consent consent) {
    consents.record(contactId, channel, consent);
    if (!consent.granted()) {
      events.publishEvent(new ConsentWithdrawn(contactId, channel));
    }
  }
}
