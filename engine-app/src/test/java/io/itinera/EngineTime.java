package io.itinera;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock, which Itinera's own rules read too; tests reset it when done. */
public final class EngineTime {

  public static final Instant NOON = Instant.parse("2026-03-04T11:00:00Z");

  private EngineTime() {
  }

  /**
   * Stops the clock at a fixed weekday noon in Europe (11:00 UTC, Wednesday 4 March 2026), so that
   * send windows and quiet hours do not depend on when the tests run.
   */
  public static void freeze() {
    ClockUtil.setCurrentTime(Date.from(NOON));
  }

  public static void advance(Duration duration) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
