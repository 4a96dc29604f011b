package io.itinera.journey;

/** Where a contact's run of a journey stands. */
public enum EnrolmentStatus {
  ACTIVE,
  /** Reached an end event, including an exit on a goal. */
  COMPLETED,
  /** Ended from outside: cancelled in Cockpit or through the API, or the contact was erased. */
  CANCELLED
}
