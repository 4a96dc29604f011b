package io.itinera.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time inside one simulation world, moved only by the world's driver. Camunda's ClockUtil is
 * one clock for the whole JVM, shared with the real engine: the simulated engine never reads it for
 * anything that decides a path (see {@link SimulatedCalendars}).
 */
final class SimulatedClock extends Clock {

  private volatile Instant now = Instant.EPOCH;

  void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    var clock = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return clock.withZone(other);
      }

      @Override
      public Instant instant() {
        return clock.instant();
      }
    };
  }
}
