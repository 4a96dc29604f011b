package io.itinera.journey;

import io.itinera.database.AfterCommit;
import io.itinera.journey.Routing.NotStarted;
import io.itinera.journey.Routing.Reached;
import io.itinera.journey.Routing.Started;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Steers journeys from what contacts do: delivers an event to the contact's runs waiting for it,
 * and starts the journeys whose start event it triggers and whose entry rules let the contact in.
 * Runs in the caller's transaction; a refusal found only by the database (two starts racing) is
 * thrown, so the caller can roll back and route again.
 */
@Component
public class JourneyRouter {

  private static final String MESSAGE = "message";

  private final RuntimeService runtime;
  private final JourneyCatalog catalog;
  private final JourneyEnrolments enrolments;
  private final EntryCheck entryCheck;
  private final ConditionEvaluator conditions;
  private final MeterRegistry metrics;

  public JourneyRouter(RuntimeService runtime, JourneyCatalog catalog, JourneyEnrolments enrolments,
      EntryCheck entryCheck, ConditionEvaluator conditions, MeterRegistry metrics) {
    this.runtime = runtime;
    this.catalog = catalog;
    this.enrolments = enrolments;
    this.entryCheck = entryCheck;
    this.conditions = conditions;
    this.metrics = metrics;
  }

  /** Delivers first, then starts: a run started by this event must not also receive it. */
  public Routing route(TriggerEvent event) {
    return deliver(event).plus(start(event));
  }

  /**
   * Delivers the event to each step of the contact's runs that waits for a message of its type,
   * one subscription at a time: correlating by message name would also start every journey whose
   * start event has that name, without a contact. A delivery may end other waits (a goal cancels
   * the rest of its run), so the waiting steps are looked up again after each one.
   */
  private Routing deliver(TriggerEvent event) {
    var reached = new ArrayList<Reached>();
    var variables = new HashMap<String, Object>();
    JourneyVariables.LAST_EVENT.put(variables, event.properties());
    JourneyVariables.LAST_EVENT_TYPE.put(variables, event.type());
    for (var run : enrolments.ofContact(event.contactId())) {
      if (!run.active()) {
        continue;
      }
      var delivered = new HashSet<String>();
      JourneyDefinition journey = null;
      while (true) {
        var waiting = runtime.createEventSubscriptionQuery().processInstanceId(run.processInstanceId())
            .eventType(MESSAGE).eventName(event.type()).list().stream()
            .filter(subscription -> !delivered.contains(subscription.getId()))
            .findFirst();
        if (waiting.isEmpty()) {
          break;
        }
        var subscription = waiting.get();
        if (journey == null) {
          var instance = runtime.createProcessInstanceQuery().processInstanceId(run.processInstanceId()).singleResult();
          if (instance.isSuspended()) {
            // Held by a paused journey: the engine refuses to move a suspended run, and one held run
            // must not fail the whole event (or a batch's). The event stays in the contact's history.
            AfterCommit.run(() -> metrics.counter("itinera.journey.events.held", "journey", run.journeyKey()).increment());
            break;
          }
          journey = catalog.describe(instance.getProcessDefinitionId());
        }
        delivered.add(subscription.getId());
        runtime.messageEventReceived(event.type(), subscription.getExecutionId(), variables);
        reached.add(new Reached(run.journeyKey(), run.processInstanceId(), subscription.getActivityId()));
        if (journey.isGoalStart(subscription.getActivityId()) && revenue(event) != null) {
          enrolments.recordRevenue(run.processInstanceId(), revenue(event));
          var revenue = revenue(event).doubleValue();
          AfterCommit.run(() -> metrics.counter("itinera.journey.revenue", "journey", run.journeyKey())
              .increment(revenue));
        }
      }
    }
    return new Routing(List.of(), reached, List.of());
  }

  private Routing start(TriggerEvent event) {
    return start(event.contactId(), event.type(), event.variables());
  }

  /**
   * Starts the journeys this message starts for the contact, where their entry rules let it in:
   * how a journey's scheduler enrols the contacts of its audience.
   */
  public Routing start(String contactId, String messageName, Map<String, Object> variables) {
    var started = new ArrayList<Started>();
    var notStarted = new ArrayList<NotStarted>();
    for (var journey : catalog.startedBy(messageName)) {
      var start = journey.messageStart(messageName).orElseThrow();
      try {
        entryCheck.ensureTakesEntries(journey, contactId);
        ensureConditionHolds(journey, start, contactId, variables);
        entryCheck.ensureMayEnter(journey.journeyKey(), contactId, start.rules());
      } catch (EntryRefusedException refused) {
        notStarted.add(refusal(refused));
        continue;
      }
      var run = entryCheck.startVouchedFor(journey, contactId, () -> runtime.createMessageCorrelation(messageName)
          .processDefinitionId(journey.processDefinitionId())
          .processInstanceBusinessKey(contactId)
          .setVariables(variables)
          .correlateStartMessage());
      started.add(new Started(journey.journeyKey(), run.getId()));
    }
    return new Routing(started, List.of(), notStarted);
  }

  /**
   * Conditional events in a run are re-evaluated by the engine when a variable of the run changes;
   * the contact lives outside the run, so a change to it is signalled through the variable
   * {@link JourneyVariables#CONTACT_UPDATED_AT} in each of the contact's active runs.
   */
  public void recheckConditions(String contactId) {
    var now = new Date();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).active().list()
        .forEach(run -> runtime.setVariable(run.getId(), JourneyVariables.CONTACT_UPDATED_AT.name(), now));
  }

  /** The ids of the journey versions whose start condition holds for the contact as stored now. */
  public Set<String> conditionalStartsHolding(String contactId) {
    var holding = new HashSet<String>();
    for (var journey : catalog.withConditionalStart()) {
      for (var start : journey.conditionalStarts()) {
        if (holds(start.condition(), contactId, contactVariables(contactId))) {
          holding.add(journey.processDefinitionId());
        }
      }
    }
    return holding;
  }

  /**
   * Starts the journeys whose start condition became true with a change of the contact: those
   * that held before the change are left alone, so saving a customer twice starts nothing twice.
   */
  public Routing contactChanged(String contactId, Set<String> holdingBefore) {
    var started = new ArrayList<Started>();
    var notStarted = new ArrayList<NotStarted>();
    for (var journey : catalog.withConditionalStart()) {
      if (holdingBefore.contains(journey.processDefinitionId())) {
        continue;
      }
      for (var start : journey.conditionalStarts()) {
        if (!holds(start.condition(), contactId, contactVariables(contactId))) {
          continue;
        }
        try {
          entryCheck.ensureTakesEntries(journey, contactId);
          ensureConditionHolds(journey, start, contactId, contactVariables(contactId));
          entryCheck.ensureMayEnter(journey.journeyKey(), contactId, start.rules());
        } catch (EntryRefusedException refused) {
          notStarted.add(refusal(refused));
          continue;
        }
        entryCheck.startVouchedFor(journey, contactId, () -> runtime.createConditionEvaluation()
                .processDefinitionId(journey.processDefinitionId())
                .processInstanceBusinessKey(contactId)
                .setVariables(contactVariables(contactId))
                .evaluateStartConditions())
            .forEach(run -> started.add(new Started(journey.journeyKey(), run.getId())));
      }
    }
    return new Routing(started, List.of(), notStarted);
  }

  /** A start the entry rules refused, counted by journey and rule. */
  private NotStarted refusal(EntryRefusedException refused) {
    metrics.counter("itinera.journey.refusals", "journey", refused.journeyKey(),
        "rule", refused.rule().name().toLowerCase(Locale.ROOT)).increment();
    return new NotStarted(refused.journeyKey(), refused.rule(), refused.reason());
  }

  private void ensureConditionHolds(JourneyDefinition journey, JourneyDefinition.Start start, String contactId,
      Map<String, Object> variables) {
    var condition = start.rules().condition();
    if (condition == null) {
      return;
    }
    boolean holds;
    try {
      holds = conditions.isTrue(condition, contactId, variables);
    } catch (IllegalArgumentException failed) {
      throw new EntryRefusedException(journey.journeyKey(), contactId, EntryRule.CONDITION,
          "the entry condition " + condition + " could not be evaluated: " + failed.getMessage());
    }
    if (!holds) {
      throw new EntryRefusedException(journey.journeyKey(), contactId, EntryRule.CONDITION,
          "the entry condition " + condition + " is false");
    }
  }

  private boolean holds(String condition, String contactId, Map<String, Object> variables) {
    try {
      return conditions.isTrue(condition, contactId, variables);
    } catch (IllegalArgumentException failed) {
      return false;
    }
  }

  /** The goal event's {@code revenue} property, when it is a number. */
  private static BigDecimal revenue(TriggerEvent event) {
    return event.properties().get("revenue") instanceof Number amount ? new BigDecimal(amount.toString()) : null;
  }

  private static Map<String, Object> contactVariables(String contactId) {
    return JourneyVariables.CONTACT_ID.put(new HashMap<>(), contactId);
  }
}
