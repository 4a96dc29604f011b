package io.itinera.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How a journey performs: runs that entered, are active and exited (by how they ended), goal
 * conversions and the revenue they carried, and per step how many runs reached it, wait there, and
 * failed (open incidents) or were skipped (emails not sent) at it; on a Send email step, how many of
 * its emails were sent, opened and clicked (each email once); on an A/B split step, its experiment.
 */
public record JourneyStats(
    String journey,
    String name,
    long entries,
    long active,
    Map<String, Long> exits,
    long conversions,
    BigDecimal revenue,
    List<Step> steps) {

  public record Step(String activityId, String name, String type, long reached, long waiting, long failed,
      long skipped, long sent, long opened, long clicked, String experiment) {
  }
}
