package io.itinera.journey;

/** Where a contact's run of a journey stands. */
public enum EnrolmentStatus {
  ACTIVE,
  /** Reached an end event of its main flow. */
  COMPLETED,
  /** Ended through a goal: an interrupting event subprocess started by a message, such as a purchase. */
  CONVERTED,
  /** Ended from outside: cancelled in Cockpit or through the API, or the contact was erased. */
  CANCELLED
}
