package io.itinera.simulation;

import io.itinera.email.Outbox;
import io.itinera.event.EventIntake;
import io.itinera.event.EventOutcome;
import io.itinera.event.NewEvent;
import io.itinera.journey.JourneyCatalog;
import io.itinera.simulation.ScenarioRun.Email;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives a scenario's contact through the app's real engine, doing what {@link SimulationRunner}
 * does in a simulation world, but with the engine clock (ClockUtil) as time: the contact is written to
 * the real stores, the trigger and the scripted events go through the real intake, and the journey's
 * due jobs run one by one (asynchronous steps at once, timers at their due date) until the horizon.
 * Only the runs of the journey under test are followed; the caller resets the clock.
 */
final class EngineRun {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final EventIntake intake;
  private final Outbox outbox;
  private final JourneyCatalog catalog;
  private final TransactionTemplate transaction;
  private final SyntheticContacts contacts;

  EngineRun(RuntimeService runtime, ManagementService management, HistoryService history, EventIntake intake,
      Outbox outbox, JourneyCatalog catalog, TransactionTemplate transaction, SyntheticContacts contacts) {
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.intake = intake;
    this.outbox = outbox;
    this.catalog = catalog;
    this.transaction = transaction;
    this.contacts = contacts;
  }

  /** The plan must name its contact (a new one) and its start. */
  ScenarioRun run(String journey, SimulationPlan plan) {
    var contactId = plan.contact().id();
    var start = plan.start().toInstant();
    var horizon = start.plus(plan.horizonOrDefault());
    ClockUtil.setCurrentTime(Date.from(start));
    transaction.executeWithoutResult(status -> contacts.create(contactId, plan.contact(),
        SyntheticContacts.zone(plan.contact().timeZone()), start));
    var runs = new LinkedHashSet<String>();
    follow(journey, intake.accept(new NewEvent(contactId, plan.trigger().type(), plan.trigger().propertiesOrNone(),
        start, null)), runs);
    if (runs.isEmpty()) {
      return new ScenarioRun(List.of(), emails(journey, contactId), "not-entered", null);
    }
    var failed = drive(journey, runs, plan, start, horizon, contactId);
    return ending(runs, emails(journey, contactId), failed);
  }

  /** SimulationRunner.follow against the real engine; answers whether a step failed. */
  private boolean drive(String journey, Set<String> runs, SimulationPlan plan, Instant start, Instant horizon,
      String contactId) {
    var script = plan.script().stream().sorted(Comparator.comparing(ScriptedEvent::after)).toList();
    var next = 0;
    var failed = new HashSet<String>();
    for (int commands = 0; commands < SimulationRunner.MAX_COMMANDS; commands++) {
      var job = SimulationRunner.nextJob(management, runs, failed, ClockUtil.getCurrentTime().toInstant());
      var eventAt = next < script.size() ? start.plus(script.get(next).after()) : null;
      if (job.isPresent() && (eventAt == null || !job.get().due().isAfter(eventAt))
          && !job.get().due().isAfter(horizon)) {
        moveClockTo(job.get().due());
        try {
          management.executeJob(job.get().job().getId());
        } catch (RuntimeException stepFailed) {
          failed.add(job.get().job().getId());
        }
      } else if (eventAt != null && !eventAt.isAfter(horizon)) {
        moveClockTo(eventAt);
        var event = script.get(next++);
        follow(journey, intake.accept(new NewEvent(contactId, event.type(), event.propertiesOrNone(),
            ClockUtil.getCurrentTime().toInstant(), null)), runs);
      } else {
        return !failed.isEmpty();
      }
    }
    throw new AssertionError("the real run took more than " + SimulationRunner.MAX_COMMANDS + " steps");
  }

  private static void follow(String journey, EventOutcome outcome, Set<String> runs) {
    outcome.started().stream().filter(started -> started.journey().equals(journey))
        .forEach(started -> runs.add(started.processInstanceId()));
  }

  /** Time only moves forward, as in the simulation. */
  private static void moveClockTo(Instant instant) {
    if (instant.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      ClockUtil.setCurrentTime(Date.from(instant));
    }
  }

  private ScenarioRun ending(Set<String> runs, List<Email> emails, boolean failed) {
    var passed = passed(runs);
    var steps = passed.stream().map(HistoricActivityInstance::getActivityId).toList();
    var first = runs.iterator().next();
    if (runtime.createProcessInstanceQuery().processInstanceId(first).singleResult() != null) {
      return new ScenarioRun(steps, emails, failed ? "failed" : "horizon",
          String.join(", ", runtime.getActiveActivityIds(first)));
    }
    var last = steps.get(steps.size() - 1);
    for (var step : passed) {
      var journey = catalog.describe(step.getProcessDefinitionId());
      if (journey.isGoalStart(step.getActivityId())) {
        return new ScenarioRun(steps, emails, "goal", last);
      }
      if ("startTimerEvent".equals(step.getActivityType()) && journey.start(step.getActivityId()).isEmpty()) {
        return new ScenarioRun(steps, emails, "time-limit", last);
      }
    }
    return new ScenarioRun(steps, emails, "end", last);
  }

  /** The steps the runs passed, in the order they were entered: by time, then by the engine's sequence. */
  private List<HistoricActivityInstance> passed(Set<String> runs) {
    var passed = new ArrayList<HistoricActivityInstance>();
    for (var run : runs) {
      passed.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(run)
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
    }
    passed.sort(Comparator.comparing(HistoricActivityInstance::getStartTime));
    return passed;
  }

  private List<Email> emails(String journey, String contactId) {
    var emails = new ArrayList<>(outbox.ofContact(contactId).stream()
        .filter(message -> journey.equals(message.journeyKey()))
        .map(message -> new Email(message.template(), message.status().name())).toList());
    Collections.reverse(emails);
    return emails;
  }
}
