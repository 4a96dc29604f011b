package io.itinera.simulation;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Stamps a run's start and end with the simulated time before the enrolment records them, so that
 * cooldowns and re-entry rules count in simulated time as the real ones count in real time.
 */
final class SimulatedRunTimes implements HistoryEventHandler {

  private final Clock clock;

  SimulatedRunTimes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity run)) {
      return;
    }
    if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
      run.setStartTime(Date.from(clock.instant()));
    } else if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
      run.setEndTime(Date.from(clock.instant()));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
