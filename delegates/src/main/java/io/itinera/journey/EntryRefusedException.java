package io.itinera.journey;

/** A journey refused a contact under one of its entry rules. */
public class EntryRefusedException extends RuntimeException {

  private final String journeyKey;
  private final EntryRule rule;
  private final String reason;

  public EntryRefusedException(String journeyKey, String contactId, EntryRule rule, String reason) {
    super("Contact '%s' may not enter journey '%s': %s".formatted(contactId, journeyKey, reason));
    this.journeyKey = journeyKey;
    this.rule = rule;
    this.reason = reason;
  }

  public String journeyKey() {
    return journeyKey;
  }

  public EntryRule rule() {
    return rule;
  }

  public String reason() {
    return reason;
  }
}
