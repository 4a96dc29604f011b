package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.EngineBatches;
import io.itinera.ItineraAppTest;
import io.itinera.OtherNodes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A migration lives in the database as a Camunda batch, not in the node that started it. What this
 * test simulates of a restart: the app's engine creates the batch's jobs and moves one run of three,
 * then does nothing more with it (as a node that went down); a process engine built afresh on the
 * same database, which knows nothing but what the database holds (as the node once restarted),
 * finds the two jobs left and completes the batch. The JVM and the database stay up: a crash in the
 * middle of a job is the engine's own at-least-once job guarantee, not tested here.
 */
@ItineraAppTest
class MigrationAfterARestartTest extends LiveJourneyTestSupport {

  @Autowired
  DataSource dataSource;

  private final OtherNodes otherNodes = new OtherNodes();

  @AfterEach
  void restoreEngineRegistry() {
    otherNodes.restoreEngineRegistry();
  }

  @Test
  void aMigrationInterruptedAfterItsFirstRunIsCompletedByTheRestartedEngine() {
    var runs = List.of(driver.enter(driver.aContact()), driver.enter(driver.aContact()),
        driver.enter(driver.aContact()));
    journey.deployV2WithLongerWaitAndTip(http);
    var batchId = api.post("/api/journeys/{key}/migrations", Map.of("sourceVersion", 1, "targetVersion", 2),
        journey.key).getBody().get("batchId").asText();

    EngineBatches.runNextJob(management, batchId); // the seed job: one job per run
    EngineBatches.runNextJob(management, batchId); // the first run moves
    var interrupted = api.get("/api/journeys/{key}/migrations/{batchId}", journey.key, batchId).getBody();

    assertThat(interrupted.get("status").asText()).isEqualTo("RUNNING");
    assertThat(interrupted.get("completedJobs").asInt()).isEqualTo(1);
    assertThat(interrupted.get("remainingJobs").asInt()).isEqualTo(2);
    assertThat(runs.stream().map(driver::versionOf).sorted().toList()).containsExactly(1, 1, 2);

    var restarted = engineOnTheSameDatabase();
    try {
      EngineBatches.run(restarted.getManagementService(), batchId);
    } finally {
      restarted.close();
    }

    var done = api.get("/api/journeys/{key}/migrations/{batchId}", journey.key, batchId).getBody();
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("totalJobs").asInt()).isEqualTo(3);
    assertThat(runs.stream().map(driver::versionOf).toList()).containsExactly(2, 2, 2);
  }

  /** A plain engine with its own name and no job executor of its own: the test runs the batch's jobs through it. */
  private org.camunda.bpm.engine.ProcessEngine engineOnTheSameDatabase() {
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("restarted-" + UUID.randomUUID());
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    return configuration.buildProcessEngine();
  }
}
