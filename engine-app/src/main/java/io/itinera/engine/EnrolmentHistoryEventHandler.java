package io.itinera.engine;

import io.itinera.database.AfterCommit;
import io.itinera.journey.EnrolmentStatus;
import io.itinera.journey.EntryCheck;
import io.itinera.journey.EntryRules;
import io.itinera.journey.JourneyCatalog;
import io.itinera.journey.JourneyDefinition;
import io.itinera.journey.JourneyEnrolments;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keeps journey enrolments in step with the engine and applies the entry rules to every start.
 * History events are produced for every start (message, REST, modification) and every end
 * (completion, goal, cancellation even with listeners skipped), inside the engine's transaction,
 * so no path around the rules or the record exists. Entries, exits and conversions are counted
 * once the engine's transaction commits. Deliberately not a Spring bean: the Camunda
 * starter would register a HistoryEventHandler bean a second time.
 */
class EnrolmentHistoryEventHandler implements HistoryEventHandler {

  // Looked up once, when first needed: the engine is built before these beans, and a lookup per
  // history event cost a tenth of a journey start.
  private final SingletonSupplier<JourneyEnrolments> enrolments;
  private final SingletonSupplier<JourneyCatalog> catalog;
  private final SingletonSupplier<EntryCheck> entryCheck;
  private final SingletonSupplier<MeterRegistry> metrics;

  EnrolmentHistoryEventHandler(ObjectProvider<JourneyEnrolments> enrolments, ObjectProvider<JourneyCatalog> catalog,
      ObjectProvider<EntryCheck> entryCheck, ObjectProvider<MeterRegistry> metrics) {
    this.enrolments = SingletonSupplier.of(enrolments::getObject);
    this.catalog = SingletonSupplier.of(catalog::getObject);
    this.entryCheck = SingletonSupplier.of(entryCheck::getObject);
    this.metrics = SingletonSupplier.of(metrics::getIfAvailable);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity run) || run.getSuperProcessInstanceId() != null) {
      return;
    }
    if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      enter(run);
    } else if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      exit(run);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void enter(HistoricProcessInstanceEventEntity run) {
    var start = journey(run).start(run.getStartActivityId());
    if (start.isPresent() && start.get().timer()) {
      return; // a journey's scheduler, enrolling contacts: no contact's run
    }
    var contactId = run.getBusinessKey();
    if (contactId == null || contactId.isBlank()) {
      throw new ContactIdRequiredException(run.getProcessDefinitionKey());
    }
    var rules = start.map(JourneyDefinition.Start::rules).orElse(EntryRules.DEFAULT);
    if (!entryCheck.obtain().takeVouch(run.getProcessDefinitionId(), contactId)) {
      entryCheck.obtain().ensureTakesEntries(journey(run), contactId);
      entryCheck.obtain().ensureMayEnter(run.getProcessDefinitionKey(), contactId, rules);
    }
    enrolments.obtain().enter(run.getProcessDefinitionKey(), contactId, run.getProcessInstanceId(),
        run.getStartTime().toInstant(), rules.concurrentRunsAllowed());
    count("itinera.journey.entries", "journey", run.getProcessDefinitionKey());
  }

  private void exit(HistoricProcessInstanceEventEntity run) {
    var endedAt = run.getEndTime().toInstant();
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(run.getState())) {
      enrolments.obtain().exit(run.getProcessInstanceId(), EnrolmentStatus.CANCELLED, endedAt, null);
      exited(run, EnrolmentStatus.CANCELLED);
      return;
    }
    var goal = journey(run).goalReachedAt(run.getEndActivityId());
    var status = goal.isPresent() ? EnrolmentStatus.CONVERTED : EnrolmentStatus.COMPLETED;
    enrolments.obtain().exit(run.getProcessInstanceId(), status, endedAt, goal.orElse(null));
    exited(run, status);
    goal.ifPresent(reached -> count("itinera.journey.conversions", "journey", run.getProcessDefinitionKey(),
        "goal", reached));
  }

  private void exited(HistoricProcessInstanceEventEntity run, EnrolmentStatus status) {
    count("itinera.journey.exits", "journey", run.getProcessDefinitionKey(),
        "outcome", status.name().toLowerCase(Locale.ROOT));
  }

  private void count(String name, String... tags) {
    var registry = metrics.get();
    if (registry != null) {
      AfterCommit.run(() -> registry.counter(name, tags).increment());
    }
  }

  private JourneyDefinition journey(HistoricProcessInstanceEventEntity run) {
    return catalog.obtain().describe(run.getProcessDefinitionId());
  }
}
