package io.itinera.journeys;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** One in-memory engine for every path test: no job executor, so tests decide when jobs run. */
final class JourneyTestEngine {

  private static final String NAME = "journey-path-tests";

  private JourneyTestEngine() {
  }

  static synchronized ProcessEngine get() {
    var existing = ProcessEngines.getProcessEngine(NAME);
    if (existing != null) {
      return existing;
    }
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(NAME);
    configuration.setJdbcUrl("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    // Resolves the beans a journey calls to the test doubles registered with Mocks.
    configuration.setExpressionManager(new MockExpressionManager());
    return configuration.buildProcessEngine();
  }
}
