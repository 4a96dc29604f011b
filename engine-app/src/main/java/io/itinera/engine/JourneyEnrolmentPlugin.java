package io.itinera.engine;

import io.itinera.journey.JourneyEnrolments;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Enforces one active run per contact and journey by recording enrolments from history events. */
@Component
class JourneyEnrolmentPlugin extends AbstractProcessEnginePlugin {

  /** Looked up late: the repository's JDBC beans are created after the engine's plugins. */
  private final ObjectProvider<JourneyEnrolments> enrolments;

  JourneyEnrolmentPlugin(ObjectProvider<JourneyEnrolments> enrolments) {
    this.enrolments = enrolments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var handlers = new ArrayList<HistoryEventHandler>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new EnrolmentHistoryEventHandler(enrolments::getObject));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryLevel() == HistoryLevel.HISTORY_LEVEL_NONE) {
      throw new IllegalStateException(
          "Journey enrolments are recorded from history events: camunda.bpm.history-level must not be 'none'");
    }
  }
}
