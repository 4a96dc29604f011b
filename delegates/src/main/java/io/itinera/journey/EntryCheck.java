package io.itinera.journey;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

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
  /** The starts under way on this thread whose entry rules were just checked. */
  private final ThreadLocal<Set<String>> vouched = ThreadLocal.withInitial(HashSet::new);

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
   * Runs a start of this journey version for the contact whose entry rules were just checked in full, so that
   * the engine's guard on every start ({@link #takeVouch}) need not ask the same questions again. The vouch
   * holds only while {@code start} runs, on this thread, and for one start.
   */
  public <T> T startVouchedFor(JourneyDefinition journey, String contactId, Supplier<T> start) {
    var key = vouchKey(journey.processDefinitionId(), contactId);
    vouched.get().add(key);
    try {
      return start.get();
    } finally {
      vouched.get().remove(key);
    }
  }

  /** Whether the start under way was vouched for; the vouch is used up, so a second start is checked again. */
  public boolean takeVouch(String processDefinitionId, String contactId) {
    return vouched.get().remove(vouchKey(processDefinitionId, contactId));
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
