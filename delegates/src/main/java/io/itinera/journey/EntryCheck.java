package io.itinera.journey;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks the entry rules that do not depend on the event: whether ops paused the journey, and the
 * rules on the contact's past runs of it.
 */
@Component
public class EntryCheck {

  private final JourneyEnrolments enrolments;
  private final JourneyPauses pauses;
  private final RetiredVersions retired;
  private final Clock clock;

  public EntryCheck(JourneyEnrolments enrolments, JourneyPauses pauses, RetiredVersions retired, Clock clock) {
    this.enrolments = enrolments;
    this.pauses = pauses;
    this.retired = retired;
    this.clock = clock;
  }

  /**
   * Throws {@link EntryRefusedException} with rule {@link EntryRule#PAUSED} while ops keep the journey paused,
   * or {@link EntryRule#RETIRED} for a retired version: the engine REST API starts the latest version by key, and
   * another node's router knows of a retirement only at its next catalogue refresh, so it may still pick one.
   */
  public void ensureTakesEntries(JourneyDefinition journey, String contactId) {
    pauses.of(journey.journeyKey()).ifPresent(pause -> {
      throw new EntryRefusedException(journey.journeyKey(), contactId, EntryRule.PAUSED,
          "the journey is paused since " + pause.pausedAt() + "; it takes new entries once resumed");
    });
    if (retired.of(journey.journeyKey()).contains(journey.version())) {
      throw new EntryRefusedException(journey.journeyKey(), contactId, EntryRule.RETIRED,
          "version " + journey.version() + " is retired and takes no new entries");
    }
  }

  /**
   * Notes, until the transaction ends, that the contact's start of this journey version was just checked in
   * full, so the engine's guard on every start ({@link #takeVouch}) need not ask the same questions again.
   */
  public void vouch(JourneyDefinition journey, String contactId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      vouched(true).add(vouchKey(journey.processDefinitionId(), contactId));
    }
  }

  /**
   * Whether this transaction vouched for this start; the vouch is used up, so a second start in the same
   * transaction is checked again and sees the first one's enrolment.
   */
  public boolean takeVouch(String processDefinitionId, String contactId) {
    var vouched = TransactionSynchronizationManager.isSynchronizationActive() ? vouched(false) : null;
    return vouched != null && vouched.remove(vouchKey(processDefinitionId, contactId));
  }

  @SuppressWarnings("unchecked")
  private Set<String> vouched(boolean create) {
    var vouched = (Set<String>) TransactionSynchronizationManager.getResource(this);
    if (vouched == null && create) {
      var fresh = new HashSet<String>();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(EntryCheck.this);
        }
      });
      return fresh;
    }
    return vouched;
  }

  private static String vouchKey(String processDefinitionId, String contactId) {
    return processDefinitionId + '\n' + contactId;
  }

  /** Throws {@link EntryRefusedException} naming the first rule that keeps the contact out. */
  public void ensureMayEnter(String journeyKey, String contactId, EntryRules rules) {
    var runs = enrolments.of(journeyKey, contactId);
    if (!rules.concurrentRunsAllowed() && runs.stream().anyMatch(Enrolment::active)) {
      throw new EntryRefusedException(journeyKey, contactId, EntryRule.ACTIVE, "the contact is already in this journey");
    }
    if (rules.reentry() == Reentry.NEVER && !runs.isEmpty()) {
      throw new EntryRefusedException(journeyKey, contactId, EntryRule.REENTRY,
          "re-entry is 'never' and the contact was in this journey before");
    }
    if (rules.cooldown() != null) {
      runs.stream().map(Enrolment::exitedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
          .map(lastExit -> lastExit.plus(rules.cooldown()))
          .filter(until -> until.isAfter(clock.instant()))
          .ifPresent(until -> {
            throw new EntryRefusedException(journeyKey, contactId, EntryRule.COOLDOWN,
                "the cooldown of " + rules.cooldown() + " after the last exit lasts until " + until);
          });
    }
  }
}
