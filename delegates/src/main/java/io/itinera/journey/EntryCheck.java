package io.itinera.journey;

import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Checks the entry rules that depend on the contact's past runs of a journey: all but the condition. */
@Component
public class EntryCheck {

  private final JourneyEnrolments enrolments;
  private final Clock clock;

  public EntryCheck(JourneyEnrolments enrolments, Clock clock) {
    this.enrolments = enrolments;
    this.clock = clock;
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
