package io.itinera.engine;

import io.itinera.journey.EntryCheck;
import io.itinera.journey.JourneyCatalog;
import io.itinera.journey.JourneyEnrolments;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the journeys' entry rules to every start and records enrolments from history events.
 * The beans it needs are looked up late: they stand on JDBC and engine beans created after the
 * engine's plugins.
 */
@Component
class JourneyEnrolmentPlugin extends AbstractProcessEnginePlugin {

  private final EnrolmentHistoryEventHandler handler;

  JourneyEnrolmentPlugin(ObjectProvider<JourneyEnrolments> enrolments, ObjectProvider<JourneyCatalog> catalog,
      ObjectProvider<EntryCheck> entryCheck, ObjectProvider<MeterRegistry> metrics) {
    this.handler = new EnrolmentHistoryEventHandler(enrolments, catalog, entryCheck, metrics);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomHistoryEventHandlers(
        EngineLists.<HistoryEventHandler>plus(configuration.getCustomHistoryEventHandlers(), handler));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryLevel() == HistoryLevel.HISTORY_LEVEL_NONE) {
      throw new IllegalStateException(
          "Journey enrolments are recorded from history events: camunda.bpm.history-level must not be 'none'");
    }
  }
}
