package io.itinera.journey;

/** Thrown when a contact would get a second active run of a journey that allows only one. */
public class AlreadyEnrolledException extends RuntimeException {

  public AlreadyEnrolledException(String journeyKey, String contactId) {
    super("Contact '%s' is already in journey '%s': only one active run per contact is allowed"
        .formatted(contactId, journeyKey));
  }
}
