package io.itinera;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock, which Itinera's own rules read too; tests reset it when done. */
public final class EngineTime {

  private EngineTime() {
  }

  public static void freeze() {
    ClockUtil.setCurrentTime(new Date());
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
