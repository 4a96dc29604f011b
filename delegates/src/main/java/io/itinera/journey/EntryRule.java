package io.itinera.journey;

/** The entry rules of a journey, in the order they are checked; each refusal names one. */
public enum EntryRule {
  /** Ops paused the journey: it takes no new entries until resumed. */
  PAUSED,
  /** The run would start a version that ops retired (an engine REST start of it); the router starts none. */
  RETIRED,
  /** {@code itinera.entryCondition}: an expression over the event and the contact. */
  CONDITION,
  /** At most one active run per contact, unless re-entry is {@code always}. */
  ACTIVE,
  /** {@code itinera.reentry}: {@code never}, {@code after-exit} (default) or {@code always}. */
  REENTRY,
  /** {@code itinera.cooldown}: how long after the last exit the contact may enter again. */
  COOLDOWN
}
