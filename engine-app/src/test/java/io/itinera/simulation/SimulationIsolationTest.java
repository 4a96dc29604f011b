package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Simulations run beside real journeys without touching them: no row of a simulated contact in the
 * real database, no change to the real outbox or engine beyond what the real journeys did, and the
 * real engine's clock never moved, although the simulations live in 2031.
 */
@ItineraAppTest
class SimulationIsolationTest {

  private static final String RUNS_OF = " IN (SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ LIKE ?)";
  /** Our tables and the engine's, each with how its rows belong to a contact (whose id is the ? prefix). */
  private static final Map<String, String> TABLES = Map.of(
      "contact", "id LIKE ?", "contact_event", "contact_id LIKE ?", "segment_membership", "contact_id LIKE ?",
      "email_message", "contact_id LIKE ?", "journey_enrolment", "contact_id LIKE ?",
      "experiment_assignment", "contact_id LIKE ?", "ACT_RU_EXECUTION", "PROC_INST_ID_" + RUNS_OF,
      "ACT_RU_JOB", "PROCESS_INSTANCE_ID_" + RUNS_OF, "ACT_RU_VARIABLE", "PROC_INST_ID_" + RUNS_OF, "ACT_HI_PROCINST", "BUSINESS_KEY_ LIKE ?");
  private static final int RUNS = 12;

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ManagementService management;

  @Test
  void simulationsLeaveTheRealDatabaseOutboxEngineAndClockAlone() throws Exception {
    EngineTime.reset();
    var api = new ApiClient(http);
    var real = "iso-real-" + UUID.randomUUID() + "-";
    var simulated = "iso-sim-" + UUID.randomUUID() + "-";
    var before = counts();
    var firstSignup = Instant.now();
    var realRuns = new ArrayList<String>();
    var clockSamples = new ArrayList<Duration>();
    ExecutorService simulators = Executors.newFixedThreadPool(2);
    try {
      var simulations = new ArrayList<CompletableFuture<JsonNode>>();
      for (int i = 0; i < RUNS; i++) {
        var id = simulated + i;
        simulations.add(CompletableFuture.supplyAsync(() -> api.post("/api/journeys/{key}/simulate", Map.of(
            "contact", Map.of("id", id, "segments", List.of("vip")),
            "trigger", Map.of("type", "signup", "properties", Map.of("source", "website")),
            "events", List.of(Map.of("after", "PT30H", "type", "email_opened")),
            "start", "2031-06-06T22:00:00Z"), "welcome-series").getBody(), simulators));
      }
      for (int i = 0; i < RUNS; i++) {
        var run = api.track(real + i, "signup", Map.of("source", "website", "email", real + i + "@example.com"));
        var welcome = run.at("/started/0/processInstanceId").asText();
        EngineJobs.runDue(management, welcome);
        realRuns.add(welcome);
        clockSamples.add(Duration.between(Instant.now(), ClockUtil.getCurrentTime().toInstant()).abs());
      }
      for (var simulation : simulations) {
        assertThat(simulation.get().at("/ending/how").asText()).isEqualTo("end");
      }
    } finally {
      simulators.shutdown();
    }
    var lastSignup = Instant.now();

    var after = counts();
    TABLES.forEach((table, ofContact) -> {
      assertThat(rowsOf(table, ofContact, simulated)).as("rows of simulated contacts in " + table).isZero();
      assertThat(after.get(table) - before.get(table)).as("new rows in " + table + " are the real runs' rows")
          .isEqualTo(rowsOf(table, ofContact, real));
    });
    assertThat(clockSamples).allSatisfy(skew -> assertThat(skew).isLessThan(Duration.ofSeconds(1)));
    for (var run : realRuns) {
      var due = management.createJobQuery().processInstanceId(run).timers().list().stream()
          .map(job -> job.getDuedate().toInstant()).min(Instant::compareTo).orElseThrow();
      assertThat(due).as("the real run's first timer, set while simulations ran in 2031")
          .isBetween(firstSignup.plus(Duration.ofHours(24)).minusSeconds(1), lastSignup.plus(Duration.ofHours(24)));
    }
  }

  @Test
  void theEngineRestApiKnowsNoSimulationEngine() {
    var api = new ApiClient(http);
    api.post("/api/journeys/{key}/simulate", Map.of("trigger", Map.of("type", "signup")), "welcome-series");

    var engines = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .getForObject("/engine-rest/engine", JsonNode.class);

    assertThat(engines.findValuesAsText("name")).containsExactly("default");
  }

  private Map<String, Long> counts() {
    var counts = new HashMap<String, Long>();
    TABLES.keySet().forEach(table -> counts.put(table,
        jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()));
    return counts;
  }

  private long rowsOf(String table, String ofContact, String prefix) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + ofContact).param(prefix + "%")
        .query(Long.class).single();
  }
}
