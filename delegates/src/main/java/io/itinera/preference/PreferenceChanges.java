package io.itinera.preference;

import io.itinera.contact.Change;
import io.itinera.contact.Consent;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.ContactUpdates;
import io.itinera.contact.Contacts;
import io.itinera.contact.TopicChoices;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a contact changes on its preference page, each kept with the page as its source: its topics per channel
 * and a pause of all marketing in one transaction, or an unsubscribe from everything (consent withdrawn on every
 * channel, which also takes back what quiet hours still hold).
 */
@Service
public class PreferenceChanges {

  public static final String SOURCE = "preference page";

  private final Contacts contacts;
  private final ContactUpdates updates;
  private final MarketingPauses pauses;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PreferenceChanges(Contacts contacts, ContactUpdates updates, MarketingPauses pauses, TransactionTemplate transaction,
      Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.contacts = contacts;
    this.updates = updates;
    this.pauses = pauses;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Keeps the topic choices and, when {@code pauseUntil} is not null, pauses marketing until then (past: resumes). */
  public void save(String contactId, Map<String, Map<String, Boolean>> topics, Instant pauseUntil) {
    transaction.executeWithoutResult(status -> {
      if (contacts.findForUpdate(contactId).isEmpty()) {
        return;
      }
      updates.recordTopics(contactId, new TopicChoices(topics, SOURCE));
      if (pauseUntil != null) {
        var now = clock.instant();
        pauses.pause(contactId, pauseUntil, now, SOURCE);
        if (pauseUntil.isAfter(now)) {
          events.publishEvent(new MarketingPaused(contactId, pauseUntil));
        }
      }
    });
  }

  /** No marketing on any channel any more; transactional messages still go. */
  public void unsubscribeFromEverything(String contactId, List<String> channels) {
    var now = clock.instant();
    var withdrawn = new LinkedHashMap<String, Consent>();
    channels.forEach(channel -> withdrawn.put(channel, new Consent(false, now, SOURCE)));
    updates.apply(contactId, new ContactPatch(Change.none(), Change.none(), Change.none(), Change.none(),
        Change.none(), Map.of(), withdrawn, null, TopicChoices.NONE));
  }
}
