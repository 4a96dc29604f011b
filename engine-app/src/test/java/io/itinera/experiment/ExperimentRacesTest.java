package io.itinera.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.Concurrently;
import io.itinera.ItineraAppTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs reaching a new A/B split at once: none fails on a key (and waits for a retry), one row each. */
@ItineraAppTest
class ExperimentRacesTest {

  private static final int CALLERS = 8;
  private static final Instant NOW = Instant.parse("2026-03-04T11:00:00Z");

  @Autowired
  Experiments experiments;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TestRestTemplate http;

  private final String experiment = "race-" + UUID.randomUUID();

  @Test
  void describesANewExperimentOnceWhenEightRunsReachItAtOnce() throws Exception {
    Concurrently.run(CALLERS, transaction,
        caller -> experiments.describe(experiment, "welcome-series", "control:50,discount:50", 0, NOW));

    assertThat(experiments.definition(experiment)).hasValueSatisfying(definition -> assertThat(definition.variants())
        .isEqualTo(Variants.parse("control:50,discount:50")));
  }

  @Test
  void assignsAContactOnceWhenEightOfItsRunsReachTheSplitAtOnce() throws Exception {
    var contact = "c-" + UUID.randomUUID();
    new ApiClient(http).put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);

    Concurrently.run(CALLERS, transaction,
        caller -> experiments.assign(experiment, contact, "discount", "welcome-series", "run-" + caller, NOW));

    assertThat(experiments.variantOf(experiment, contact)).contains("discount");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM experiment_assignment WHERE experiment = ?").param(experiment)
        .query(Integer.class).single()).isEqualTo(1);
  }
}
