package io.itinera.contact;

import io.itinera.journey.JourneyEnrolments;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a contact (the right to be forgotten): cancels its running journeys, deletes its profile,
 * events, segment memberships, journey records and journey history, and keeps only a one-way
 * hash of its address on the suppression list, so the address is never mailed again by accident.
 * All of it in one transaction.
 */
@Service
public class ContactErasure {

  static final String REASON = "erased";

  private final Contacts contacts;
  private final Suppressions suppressions;
  private final JourneyEnrolments enrolments;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TransactionTemplate transaction;

  public ContactErasure(Contacts contacts, Suppressions suppressions, JourneyEnrolments enrolments,
      RuntimeService runtime, HistoryService history, TransactionTemplate transaction) {
    this.contacts = contacts;
    this.suppressions = suppressions;
    this.enrolments = enrolments;
    this.runtime = runtime;
    this.history = history;
    this.transaction = transaction;
  }

  /** @return false if there was no such contact */
  public boolean erase(String contactId) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      var contact = contacts.findForUpdate(contactId);
      if (contact.isEmpty()) {
        return false;
      }
      var running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).list();
      running.forEach(run -> runtime.deleteProcessInstance(run.getId(), "contact erased"));
      var finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contactId).list();
      if (!finished.isEmpty()) {
        history.deleteHistoricProcessInstances(finished.stream().map(run -> run.getId()).toList());
      }
      enrolments.deleteOfContact(contactId);
      if (contact.get().email() != null) {
        suppressions.suppress(contact.get().email(), REASON);
      }
      contacts.delete(contactId);
      return true;
    }));
  }
}
