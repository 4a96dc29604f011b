package io.itinera.journey;

import java.time.Instant;

/**
 * One run of one journey for one contact; {@code exitedAt} is null while the run is active and
 * {@code goal} names the goal message of a converted run.
 */
public record Enrolment(
    String journeyKey,
    String contactId,
    String processInstanceId,
    EnrolmentStatus status,
    Instant enteredAt,
    Instant exitedAt,
    String goal) {

  public boolean active() {
    return status == EnrolmentStatus.ACTIVE;
  }
}
