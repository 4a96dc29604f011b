package io.itinera.journeys;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The in-memory engine of a path test class, recording flow coverage (a report per class in
 * target/process-test-coverage, which {@link JourneyCoverageTest} adds up): no job executor, so
 * tests decide when jobs run.
 */
final class JourneyTestEngine {

  private static final AtomicInteger ENGINES = new AtomicInteger();

  private JourneyTestEngine() {
  }

  static ProcessEngineCoverageExtension withCoverage() {
    // Each class gets its own engine and database: the coverage extension builds the engine it watches.
    var name = "journey-path-tests-" + ENGINES.incrementAndGet();
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    // Resolves the beans a journey calls to the test doubles registered with Mocks.
    configuration.setExpressionManager(new MockExpressionManager());
    ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
    return ProcessEngineCoverageExtension.builder(configuration).build();
  }
}
