package io.itinera.simulation;

import io.itinera.simulation.Forecast.Emails;
import io.itinera.simulation.Forecast.StepReach;
import io.itinera.simulation.Forecast.TemplateEmails;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the simulated runs of a forecast, one contact's run at a time, in contact order. */
final class ForecastTally {

  private final Map<String, String> stepNames = new LinkedHashMap<>();
  private final Map<String, Integer> reached = new LinkedHashMap<>();
  private final TreeMap<Integer, Integer> emailsPerContact = new TreeMap<>();
  private final Map<String, int[]> byTemplate = new TreeMap<>();
  private final Map<String, Integer> skippedByReason = new TreeMap<>();
  private final Map<String, Integer> endings = new TreeMap<>();
  private final Map<String, Integer> endSteps = new TreeMap<>();
  private final Map<String, Integer> notEntered = new TreeMap<>();
  private int contacts;
  private int queued;
  private int skipped;

  void add(SimulationResult run) {
    contacts++;
    var passed = new LinkedHashSet<String>();
    for (var entry : run.timeline()) {
      if (entry.step() != null && entry.event() == null) {
        stepNames.putIfAbsent(entry.step(), entry.name());
        passed.add(entry.step());
      }
    }
    passed.forEach(step -> reached.merge(step, 1, Integer::sum));
    var queuedHere = 0;
    for (var email : run.emails()) {
      var counts = byTemplate.computeIfAbsent(String.valueOf(email.template()), template -> new int[2]);
      if (email.queued()) {
        queuedHere++;
        counts[0]++;
      } else {
        counts[1]++;
        skipped++;
        skippedByReason.merge(String.valueOf(email.reason()), 1, Integer::sum);
      }
    }
    queued += queuedHere;
    emailsPerContact.merge(queuedHere, 1, Integer::sum);
    var ending = run.ending();
    endings.merge(ending.how(), 1, Integer::sum);
    if (ending.step() != null) {
      endSteps.merge(ending.step(), 1, Integer::sum);
    }
    if ("not-entered".equals(ending.how())) {
      notEntered.merge(rule(ending.reason()), 1, Integer::sum);
    }
  }

  Forecast forecast(String journey, int version, long tookMillis) {
    var steps = stepNames.entrySet().stream()
        .map(step -> new StepReach(step.getKey(), step.getValue(), reached.get(step.getKey()))).toList();
    var histogram = new LinkedHashMap<Integer, Integer>();
    var most = emailsPerContact.isEmpty() ? 0 : emailsPerContact.lastKey();
    for (int emails = 0; emails <= most; emails++) {
      histogram.put(emails, emailsPerContact.getOrDefault(emails, 0));
    }
    var templates = new LinkedHashMap<String, TemplateEmails>();
    byTemplate.forEach((template, counts) -> templates.put(template, new TemplateEmails(counts[0], counts[1])));
    return new Forecast(journey, version, contacts, steps,
        new Emails(queued, skipped, histogram, templates, skippedByReason), endings, endSteps, notEntered, tookMillis);
  }

  /** An entry refusal reads "RULE: why"; the why names one contact's times and runs, so contacts count by rule. */
  private static String rule(String reason) {
    if (reason == null) {
      return "unknown";
    }
    var colon = reason.indexOf(": ");
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
