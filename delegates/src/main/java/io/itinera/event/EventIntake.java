package io.itinera.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.catalogue.NameCatalogue;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.journey.EntryRefusedException;
import io.itinera.journey.JourneyRouter;
import io.itinera.journey.TriggerEvent;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one event: stores it, creates its contact if new, moves the engagement score and routes
 * it to journeys, all in one transaction, so an event is either fully taken in or not at all. A
 * conflict with a concurrent call (the same new contact, two starts of one journey, a run busy
 * elsewhere) rolls back and takes the event in again, seeing what the other call did.
 */
@Service
public class EventIntake {

  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
  private static final int ATTEMPTS = 3;

  private final Contacts contacts;
  private final ContactEvents events;
  private final NameCatalogue names;
  private final EngagementScoring scoring;
  private final JourneyRouter router;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;

  public EventIntake(Contacts contacts, ContactEvents events, NameCatalogue names, EngagementScoring scoring,
      JourneyRouter router, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
    this.contacts = contacts;
    this.events = events;
    this.names = names;
    this.scoring = scoring;
    this.router = router;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  public EventOutcome accept(NewEvent event) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> acceptOnce(event));
      } catch (EntryRefusedException | DuplicateKeyException | ConcurrencyFailureException
               | OptimisticLockingException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
        log.debug("Event {} of contact {} met a concurrent change, taking it in again: {}",
            event.type(), event.contactId(), conflict.getMessage());
      }
    }
  }

  private EventOutcome acceptOnce(NewEvent event) {
    if (event.messageId() != null) {
      var earlier = events.idOfMessage(event.messageId());
      if (earlier.isPresent()) {
        return EventOutcome.duplicateOf(earlier.get());
      }
    }
    var now = clock.instant();
    var occurredAt = event.occurredAt() == null ? now : event.occurredAt();
    var existing = contacts.findForUpdate(event.contactId());
    var created = existing.isEmpty();
    var contact = existing.orElseGet(() -> newContact(event));
    if (created) {
      contacts.insert(contact);
    }
    var eventId = events.record(event.contactId(), event.type(), json(event), occurredAt, now, event.messageId());
    names.recordProperties(event.type(), event.properties().keySet());
    var scored = scoring.afterEvent(contact, event.type(), occurredAt);
    if (scored != contact) {
      contacts.update(scored);
    }
    var routing = router.route(new TriggerEvent(eventId, event.contactId(), event.type(), event.properties()));
    if (created) {
      routing = routing.plus(router.contactChanged(event.contactId(), Set.of()));
    }
    return EventOutcome.of(eventId, created, routing);
  }

  /** Segment-style: an event for an unknown contact creates it, with the email the event carries. */
  private Contact newContact(NewEvent event) {
    var contact = Contact.create(event.contactId(), clock.instant());
    return event.properties().get("email") instanceof String email ? contact.withEmail(email) : contact;
  }

  private String json(NewEvent event) {
    try {
      return json.writeValueAsString(event.properties());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Properties of event " + event.type() + " cannot be written as JSON", e);
    }
  }
}
