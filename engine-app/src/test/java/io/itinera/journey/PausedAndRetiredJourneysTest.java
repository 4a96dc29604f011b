package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.EngineTime;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ops stop a live journey without touching its BPMN: a pause refuses new entries and holds the runs
 * (their due timers do not fire) until resumed, or lets them drain; a retired version takes no new
 * entries while its runs finish.
 */
@ItineraAppTest
class PausedAndRetiredJourneysTest extends LiveJourneyTestSupport {

  @Autowired
  DataSource dataSource;

  @Test
  void aPausedJourneyRefusesEntriesAndHoldsItsRunsUntilResumed() {
    var ann = driver.aContact();
    var run = driver.enter(ann);

    var paused = api.post("/api/journeys/{key}/pause", Map.of("drain", false), journey.key);
    var refused = api.track(driver.aContact(), journey.entry, Map.of());
    EngineTime.advance(Duration.ofHours(2));
    EngineJobs.runDue(management, run);
    var stop = api.track(ann, journey.stop, Map.of());

    assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(paused.getBody().get("status").asText()).isEqualTo("PAUSED");
    assertThat(paused.getBody().get("heldRuns").asLong()).isEqualTo(1);
    assertThat(refused.get("started")).isEmpty();
    assertThat(refused.at("/notStarted/0/journey").asText()).isEqualTo(journey.key);
    assertThat(refused.at("/notStarted/0/rule").asText()).isEqualTo("PAUSED");
    assertThat(refused.at("/notStarted/0/reason").asText()).contains("paused");
    var timer = management.createJobQuery().processInstanceId(run).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isBefore(EngineTime.now());
    assertThat(timer.isSuspended()).isTrue();
    // what the job executor acquires: due, with retries, active
    assertThat(management.createJobQuery().processInstanceId(run).executable().active().count()).isZero();
    assertThat(stop.get("reached")).isEmpty();
    assertThat(driver.templatesSentTo(ann)).containsExactly("welcome");
    // a start through the engine REST API is refused as well
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(journey.key, driver.aContact()))
        .isInstanceOf(EntryRefusedException.class).hasMessageContaining("the journey is paused");

    var resumed = api.post("/api/journeys/{key}/resume", null, journey.key);
    EngineJobs.runDue(management, run);

    assertThat(resumed.getBody().get("status").asText()).isEqualTo("RUNNING");
    assertThat(driver.templatesSentTo(ann)).containsExactlyInAnyOrder("welcome", "success");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).isZero();
    assertThat(api.track(driver.aContact(), journey.entry, Map.of()).get("started")).hasSize(1);
  }

  @Test
  void aDrainingJourneyRefusesEntriesWhileItsRunsGoOn() {
    var ann = driver.aContact();
    var run = driver.enter(ann);

    var draining = api.post("/api/journeys/{key}/pause", Map.of("drain", true), journey.key);
    var refused = api.track(driver.aContact(), journey.entry, Map.of());
    EngineTime.advance(Duration.ofHours(1));
    EngineJobs.runDue(management, run);

    assertThat(draining.getBody().get("status").asText()).isEqualTo("DRAINING");
    assertThat(draining.getBody().get("heldRuns").asLong()).isZero();
    assertThat(refused.at("/notStarted/0/rule").asText()).isEqualTo("PAUSED");
    assertThat(driver.templatesSentTo(ann)).containsExactlyInAnyOrder("welcome", "success");
    assertThat(api.get("/api/journeys/{key}/versions", journey.key).getBody().at("/state/status").asText())
        .isEqualTo("DRAINING");
  }

  @Test
  void aRetiredVersionTakesNoNewEntriesWhileItsRunsFinish() {
    journey.deployV2WithLongerWaitAndTip(http);
    var bob = driver.aContact();
    var onVersion2 = driver.enter(bob);

    var retired = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 2);
    var carlsRun = driver.enter(driver.aContact());
    EngineTime.advance(Duration.ofHours(2));
    EngineJobs.runDue(management, onVersion2);

    assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retired.getBody().at("/versions/0/retired").asBoolean()).isTrue();
    assertThat(retired.getBody().at("/versions/0/takesEntries").asBoolean()).isFalse();
    assertThat(retired.getBody().at("/versions/1/takesEntries").asBoolean()).isTrue();
    assertThat(driver.versionOf(onVersion2)).isEqualTo(2);
    assertThat(driver.versionOf(carlsRun)).isEqualTo(1);
    assertThat(driver.templatesSentTo(bob)).containsExactlyInAnyOrder("welcome", "nurture", "success");
    // the engine REST API starts the latest version by key: refused as retired
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(journey.key, "c-" + UUID.randomUUID()))
        .isInstanceOf(EntryRefusedException.class).hasMessageContaining("version 2 is retired");
  }

  @Test
  void aNodeThatHasNotYetSeenARetirementRefusesTheEntryInsteadOfFailingTheEvent() {
    journey.deployV2WithLongerWaitAndTip(http);
    assertThat(driver.versionOf(driver.enter(driver.aContact()))).isEqualTo(2);
    // Another node retires version 2 now: the row is there, this node's catalogue has not been told.
    JdbcClient.create(dataSource).sql("INSERT INTO journey_retired_version (journey_key, journey_version, retired_at)"
            + " VALUES (?, 2, CURRENT_TIMESTAMP)").params(journey.key).update();

    var answer = api.track(driver.aContact(), journey.entry, Map.of());

    assertThat(answer.get("started")).isEmpty();
    assertThat(answer.at("/notStarted/0/rule").asText()).isEqualTo("RETIRED");
  }

  @Test
  void keepsOneVersionTakingEntriesAndNamesUnknownVersionsAndJourneys() {
    var lastOpen = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 1);
    var unknownVersion = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 5);
    var unknownJourney = api.post("/api/journeys/{key}/pause", Map.of(), "no-such-journey");

    LiveJourneyDriver.assertBadField(lastOpen, "version", "version 1 is the last version");
    LiveJourneyDriver.assertBadField(unknownVersion, "version", "has no version 5");
    assertThat(unknownJourney.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
