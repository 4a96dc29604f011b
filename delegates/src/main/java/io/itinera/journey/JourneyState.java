package io.itinera.journey;

import java.time.Instant;

/**
 * Whether a journey takes new entries: {@code RUNNING}, {@code PAUSED} (runs held) or {@code DRAINING}
 * (paused, runs going on), since when it is paused, and how many of its runs are active and held.
 */
public record JourneyState(String journey, Status status, Instant pausedAt, long activeRuns, long heldRuns) {

  public enum Status { RUNNING, PAUSED, DRAINING }
}
