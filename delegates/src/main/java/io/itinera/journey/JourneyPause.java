package io.itinera.journey;

import java.time.Instant;

/** A journey ops paused, how, and since when. */
public record JourneyPause(String journeyKey, PauseMode mode, Instant pausedAt) {
}
