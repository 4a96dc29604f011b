package io.itinera.simulation;

import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import io.itinera.journey.JourneyDefinition;
import io.itinera.segment.Segments;
import io.itinera.simulation.SimulationResult.ContactState;
import io.itinera.simulation.SimulationResult.Ending;
import io.itinera.simulation.TimelineEntry.EventArrival;
import io.itinera.simulation.TimelineEntry.Wait;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives one simulated run in a simulation world: creates the synthetic contact, sends the trigger
 * through the real event intake, then repeatedly does whatever is due next, in simulated time: a
 * step's job (asynchronous steps at once, timers at their due date) or the script's next event,
 * until the horizon. Afterwards the world is emptied for the next simulation.
 */
final class SimulationRunner {

  /** Commands one simulation may take: far above any journey's steps, low enough to stop a loop without a wait. */
  static final int MAX_COMMANDS = 2_000;
  private static final String TIMER = "timer";

  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;
  private final EventIntake intake;
  private final Contacts contacts;
  private final Segments segments;
  private final EngagementScoring scoring;
  private final SyntheticContacts syntheticContacts;
  private final SimulatedJourneyCatalog catalog;
  private final StepRecorder recorder;
  private final SimulatedClock clock;
  private final SimulationTables tables;
  private final TransactionTemplate transaction;
  private final WaitReasons reasons;
  private String deployedContent;
  private String deployedDefinition;
  private final Map<String, String> stepsByJobDefinition = new HashMap<>();

  SimulationRunner(RuntimeService runtime, ManagementService management, RepositoryService repository,
      EventIntake intake, Contacts contacts, Segments segments, EngagementScoring scoring,
      SyntheticContacts syntheticContacts, SimulatedJourneyCatalog catalog, StepRecorder recorder,
      SimulatedClock clock, SimulationTables tables, TransactionTemplate transaction) {
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
    this.intake = intake;
    this.contacts = contacts;
    this.segments = segments;
    this.scoring = scoring;
    this.syntheticContacts = syntheticContacts;
    this.catalog = catalog;
    this.recorder = recorder;
    this.clock = clock;
    this.tables = tables;
    this.transaction = transaction;
    this.reasons = new WaitReasons(repository);
  }

  /**
   * The id of this journey's process definition in the world. A world holds one journey at a time,
   * deployed once per content: Camunda refuses two journeys that start on the same message.
   */
  String deploy(String journeyKey, byte[] bpmn) {
    var content = journeyKey + ":" + sha256(bpmn);
    if (!content.equals(deployedContent)) {
      repository.createDeploymentQuery().list()
          .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true, true));
      var deployment = repository.createDeployment().name("simulation of " + journeyKey)
          .addInputStream(journeyKey + ".bpmn", new ByteArrayInputStream(bpmn)).deploy();
      deployedDefinition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
          .processDefinitionKey(journeyKey).singleResult().getId();
      deployedContent = content;
    }
    return deployedDefinition;
  }

  /** One simulation, after which the world is empty again. */
  SimulationResult run(String processDefinitionId, int version, String contactId, SimulationPlan plan, Detail detail) {
    var runs = new LinkedHashSet<String>();
    try {
      return simulate(processDefinitionId, version, contactId, plan, detail, runs);
    } finally {
      empty(runs);
    }
  }

  /**
   * One contact of a forecast, recorded in outline and not cleared away: contacts of one forecast have
   * ids of their own, so they do not meet; {@link #emptyAll()} clears the world once all have run.
   */
  SimulationResult outline(String processDefinitionId, int version, String contactId, SimulationPlan plan) {
    return simulate(processDefinitionId, version, contactId, plan, Detail.OUTLINE, new LinkedHashSet<>());
  }

  void emptyAll() {
    empty(Set.copyOf(runtime.createProcessInstanceQuery().list().stream().map(run -> run.getId()).toList()));
  }

  private SimulationResult simulate(String processDefinitionId, int version, String contactId, SimulationPlan plan,
      Detail detail, Set<String> runs) {
    var journey = catalog.describe(processDefinitionId);
    var trigger = plan.trigger();
    if (journey.messageStart(trigger.type()).isEmpty()) {
      throw new SimulationRefusedException("trigger.type", "the journey " + journey.journeyKey()
          + " does not start on the event " + trigger.type() + "; it starts on: " + startEvents(journey));
    }
    var spec = plan.contactOrDefault();
    var zone = SyntheticContacts.zone(spec.timeZone());
    var start = plan.start() == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS)
        : plan.start().toInstant();
    var horizon = start.plus(plan.horizonOrDefault());
    var recording = new Recording(contactId, zone, detail);
    clock.set(start);
    catalog.simulate(processDefinitionId);
    try {
      transaction.executeWithoutResult(status -> syntheticContacts.create(contactId, spec, zone, start));
      recorder.start(recording);
      var entry = intake.accept(new NewEvent(contactId, trigger.type(), trigger.propertiesOrNone(), start, null));
      entry.started().forEach(run -> runs.add(run.processInstanceId()));
      if (runs.isEmpty()) {
        var refused = entry.notStarted().stream().findFirst();
        return result(journey, version, contactId, zone, start, horizon, recording, new Ending("not-entered",
            null, null, start, recording.local(start), refused.map(no -> no.rule() + ": " + no.reason()).orElse(null)));
      }
      var ending = follow(journey, runs, plan, start, horizon, recording, contactId);
      return result(journey, version, contactId, zone, start, horizon, recording, ending);
    } finally {
      recorder.stop();
      catalog.simulate(null);
    }
  }

  private Ending follow(JourneyDefinition journey, Set<String> runs, SimulationPlan plan, Instant start,
      Instant horizon, Recording recording, String contactId) {
    var script = plan.script().stream().sorted(Comparator.comparing(ScriptedEvent::after)).toList();
    var next = 0;
    var seenWaits = new HashSet<String>();
    var failed = new HashSet<String>();
    String failure = null;
    for (int commands = 0; commands < MAX_COMMANDS; commands++) {
      var jobs = jobsOf(management, runs);
      if (recording.detailed()) {
        recordWaits(journey, runs, jobs, seenWaits, recording);
      }
      var job = earliest(jobs, failed, clock.instant());
      var eventAt = next < script.size() ? start.plus(script.get(next).after()) : null;
      if (job.isPresent() && (eventAt == null || !job.get().due().isAfter(eventAt))
          && !job.get().due().isAfter(horizon)) {
        var due = job.get().due();
        clock.set(due.isAfter(clock.instant()) ? due : clock.instant());
        try {
          management.executeJob(job.get().job().getId());
        } catch (RuntimeException stepFailed) {
          failed.add(job.get().job().getId());
          failure = String.valueOf(stepFailed.getMessage());
          var message = failure;
          recording.latest(job.get().job().getProcessInstanceId()).ifPresent(draft -> draft.failed(message));
        }
      } else if (eventAt != null && !eventAt.isAfter(horizon)) {
        clock.set(eventAt.isAfter(clock.instant()) ? eventAt : clock.instant());
        deliver(script.get(next++), contactId, runs, recording);
      } else {
        return ending(journey, runs, horizon, recording, failure);
      }
    }
    return new Ending("failed", null, null, clock.instant(), recording.local(clock.instant()),
        "the run took more than " + MAX_COMMANDS + " steps: a loop without a wait?");
  }

  private void deliver(ScriptedEvent event, String contactId, Set<String> runs, Recording recording) {
    var draft = recording.add(clock.instant(), "", null, null, null);
    var outcome = intake.accept(new NewEvent(contactId, event.type(), event.propertiesOrNone(), clock.instant(), null));
    outcome.started().forEach(run -> runs.add(run.processInstanceId()));
    draft.arrived(new EventArrival(event.type(), event.propertiesOrNone(),
        outcome.reached().stream().map(reached -> reached.activityId()).toList(), !outcome.started().isEmpty(),
        outcome.notStarted().stream().findFirst().map(no -> no.rule() + ": " + no.reason()).orElse(null)));
  }

  /**
   * A due job of the runs: an asynchronous step is due now, a timer at its due date. Shared with the
   * test that drives the real engine the same way, to compare its path with the simulated one.
   */
  static Optional<DueJob> nextJob(ManagementService management, Set<String> runs, Set<String> failed, Instant now) {
    return earliest(jobsOf(management, runs), failed, now);
  }

  private static List<Job> jobsOf(ManagementService management, Set<String> runs) {
    var jobs = new ArrayList<Job>();
    runs.forEach(run -> jobs.addAll(management.createJobQuery().processInstanceId(run).list()));
    return jobs;
  }

  private static Optional<DueJob> earliest(List<Job> jobs, Set<String> failed, Instant now) {
    return jobs.stream().filter(job -> !failed.contains(job.getId()) && !job.isSuspended())
        .map(job -> new DueJob(job, job instanceof TimerEntity ? job.getDuedate().toInstant() : now))
        .min(Comparator.comparing(DueJob::due));
  }

  record DueJob(Job job, Instant due) {
  }

  /**
   * Each new timer and event subscription of the runs, as a wait of the step the run rests at. Every
   * run is of the simulated journey: the world's catalogue starts no other.
   */
  private void recordWaits(JourneyDefinition journey, Set<String> runs, List<Job> jobs, Set<String> seen,
      Recording recording) {
    var definitionId = journey.processDefinitionId();
    for (var run : runs) {
      var draft = recording.latest(run);
      if (draft.isEmpty()) {
        continue;
      }
      for (var job : jobs) {
        if (job instanceof TimerEntity && run.equals(job.getProcessInstanceId()) && seen.add(job.getId())) {
          var step = stepOf(job);
          var until = job.getDuedate().toInstant();
          draft.get().waits(new Wait(step, reasons.name(definitionId, step), until, recording.local(until), null,
              reasons.timer(definitionId, step, recording.zone().getId())));
        }
      }
      for (var subscription : runtime.createEventSubscriptionQuery().processInstanceId(run).list()) {
        if (seen.add(subscription.getId())) {
          var step = subscription.getActivityId();
          var goal = journey.isGoalStart(step);
          draft.get().waits(new Wait(step, reasons.name(definitionId, step), null, null, subscription.getEventName(),
              reasons.event(definitionId, step, subscription.getEventType(), subscription.getEventName(), goal)));
        }
      }
    }
  }

  private String stepOf(Job job) {
    return stepsByJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id ->
        management.createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId());
  }

  private Ending ending(JourneyDefinition journey, Set<String> runs, Instant horizon, Recording recording,
      String failure) {
    var first = runs.iterator().next();
    var timeline = recording.timeline();
    var active = runtime.createProcessInstanceQuery().processInstanceId(first).singleResult() != null;
    if (active) {
      var waitingIn = runtime.getActiveActivityIds(first);
      if (failure != null) {
        return new Ending("failed", String.join(", ", waitingIn), null, clock.instant(),
            recording.local(clock.instant()), failure);
      }
      return new Ending("horizon", String.join(", ", waitingIn), null, horizon, recording.local(horizon),
          "still in the journey when the simulation stopped");
    }
    var passed = timeline.stream().filter(entry -> entry.step() != null).toList();
    var last = passed.get(passed.size() - 1);
    for (var entry : passed) {
      if (journey.isGoalStart(entry.step())) {
        return new Ending("goal", last.step(), last.name(), last.at(), last.local(), "the event "
            + journey.goalByStartEventId().get(entry.step()) + " reached the goal at " + entry.name());
      }
      if ("startTimerEvent".equals(entry.type()) && !journey.start(entry.step()).isPresent()) {
        return new Ending("time-limit", last.step(), last.name(), last.at(), last.local(), entry.name());
      }
    }
    return new Ending("end", last.step(), last.name(), last.at(), last.local(), null);
  }

  private SimulationResult result(JourneyDefinition journey, int version, String contactId, ZoneId zone,
      Instant start, Instant horizon, Recording recording, Ending ending) {
    var contact = contacts.find(contactId).orElseThrow();
    var state = new ContactState(contact.lifecycleStage(), contact.attributes(), segments.ofContact(contactId),
        contact.unsubscribedAt() == null, scoring.scoreAt(contact, clock.instant()));
    return new SimulationResult(journey.journeyKey(), version, contactId, zone.getId(), start, recording.local(start),
        horizon, recording.timeline(), ending, state);
  }

  private void empty(Set<String> runs) {
    if (!runs.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(List.copyOf(runs), "simulation over", true, true, true);
    }
    tables.empty();
  }

  private static String startEvents(JourneyDefinition journey) {
    return String.join(", ", journey.starts().stream().map(JourneyDefinition.Start::messageName)
        .filter(name -> name != null).toList());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
