package io.itinera.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a journey would do to an audience: how many contacts reach each step (in the order steps were
 * first reached), the emails they would get, how their runs end, who would not enter and why, and
 * how long the forecast took in milliseconds.
 */
public record Forecast(
    String journey,
    int version,
    int contacts,
    List<StepReach> steps,
    Emails emails,
    Map<String, Integer> endings,
    Map<String, Integer> endSteps,
    Map<String, Integer> notEntered,
    long took) {

  /** {@code reached}: the contacts whose run passed the step at least once. */
  public record StepReach(String step, String name, int reached) {
  }

  /** {@code perContact}: how many contacts would get 0, 1, 2 ... queued emails. */
  public record Emails(int queued, int skipped, Map<Integer, Integer> perContact,
      Map<String, TemplateEmails> byTemplate, Map<String, Integer> skippedByReason) {
  }

  public record TemplateEmails(int queued, int skipped) {
  }
}
