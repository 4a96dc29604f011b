package io.itinera.journey;

import java.time.Instant;

/** One run of one journey for one contact; {@code exitedAt} is null while the run is active. */
public record Enrolment(
    String journeyKey,
    String contactId,
    String processInstanceId,
    EnrolmentStatus status,
    Instant enteredAt,
    Instant exitedAt) {
}
