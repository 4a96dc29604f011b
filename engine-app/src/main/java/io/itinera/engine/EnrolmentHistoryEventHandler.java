package io.itinera.engine;

import io.itinera.journey.EnrolmentStatus;
import io.itinera.journey.JourneyEnrolments;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps journey enrolments in step with the engine. History events are produced for every start
 * (message, REST, modification) and every end (completion, cancellation even with listeners
 * skipped), inside the engine's transaction, so no path around the enrolment exists.
 */
class EnrolmentHistoryEventHandler implements HistoryEventHandler {

  private final Supplier<JourneyEnrolments> enrolments;

  EnrolmentHistoryEventHandler(Supplier<JourneyEnrolments> enrolments) {
    this.enrolments = enrolments;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity run) || run.getSuperProcessInstanceId() != null) {
      return;
    }
    if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      enter(run);
    } else if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      enrolments.get().exit(run.getProcessInstanceId(), exitStatus(run.getState()), run.getEndTime().toInstant());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void enter(HistoricProcessInstanceEventEntity run) {
    if (run.getBusinessKey() == null || run.getBusinessKey().isBlank()) {
      throw new ContactIdRequiredException(run.getProcessDefinitionKey());
    }
    enrolments.get().enter(run.getProcessDefinitionKey(), run.getBusinessKey(), run.getProcessInstanceId(),
        run.getStartTime().toInstant());
  }

  private static EnrolmentStatus exitStatus(String state) {
    return HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state)
        ? EnrolmentStatus.CANCELLED
        : EnrolmentStatus.COMPLETED;
  }
}
