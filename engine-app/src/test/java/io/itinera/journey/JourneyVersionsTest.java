package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.EngineBatches;
import io.itinera.ItineraAppTest;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A journey changed while contacts are in it: a deployment leaves them where they are; the versions
 * call shows who is where and what changed; a migration moves them to the new version at the mapped
 * step without sending again what they were sent; a step removed with contacts in it must be mapped.
 */
@ItineraAppTest
class JourneyVersionsTest extends LiveJourneyTestSupport {

  @Test
  void aNewVersionLeavesRunningContactsOnTheirVersion() {
    var contact = driver.aContact();
    var run = driver.enter(contact);

    journey.deployV2WithLongerWaitAndTip(http);
    passTime(Duration.ofHours(1), run);

    assertThat(driver.versionOf(run)).isEqualTo(1);
    assertThat(driver.templatesSentTo(contact)).containsExactlyInAnyOrder("welcome", "success");
  }

  @Test
  void listsEachVersionWithItsRunsPerStepAndWhatChanged() {
    driver.enter(driver.aContact());
    driver.enter(driver.aContact());
    journey.deployV2WithLongerWaitAndTip(http);

    var answer = api.get("/api/journeys/{key}/versions", journey.key);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    var versions = answer.getBody().get("versions");
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(0).get("takesEntries").asBoolean()).isTrue();
    assertThat(versions.get(0).get("activeRuns").asLong()).isZero();
    assertThat(versions.get(0).get("deployedAt").asText()).isNotBlank();
    assertThat(changes(versions.get(0))).containsExactly(
        "Timer_Wait CHANGED [name: 'Wait 1 hour' → 'Wait 2 hours', timer: 'duration PT1H' → 'duration PT2H']",
        "Task_SendTip ADDED []");
    assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(1).get("takesEntries").asBoolean()).isFalse();
    assertThat(versions.get(1).get("activeRuns").asLong()).isEqualTo(2);
    assertThat(versions.get(1).get("steps").toString())
        .isEqualTo("[{\"step\":\"Timer_Wait\",\"name\":\"Wait 1 hour\",\"runs\":2}]");
    assertThat(versions.get(1).get("changes")).isEmpty();
    assertThat(answer.getBody().at("/state/status").asText()).isEqualTo("RUNNING");
  }

  @Test
  void migratesWaitingContactsToTheMappedStepWithoutSendingAgain() {
    var ann = driver.aContact();
    var bob = driver.aContact();
    var annRun = driver.enter(ann);
    var bobRun = driver.enter(bob);
    var due = timerDue(annRun);
    journey.deployV2WithLongerWaitAndTip(http);

    var preview = api.post("/api/journeys/{key}/migrations/preview", migration(1, 2, Map.of()), journey.key);
    var started = api.post("/api/journeys/{key}/migrations", migration(1, 2, Map.of()), journey.key);
    var batchId = started.getBody().get("batchId").asText();
    var running = api.get("/api/journeys/{key}/migrations/{batchId}", journey.key, batchId).getBody();
    EngineBatches.run(management, batchId);

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(preview.getBody().get("executable").asBoolean()).isTrue();
    assertThat(preview.getBody().get("runs").asLong()).isEqualTo(2);
    assertThat(preview.getBody().get("steps").toString()).isEqualTo("[{\"step\":\"Timer_Wait\",\"name\":\"Wait 1 hour\","
        + "\"runs\":2,\"to\":\"Timer_Wait\",\"toName\":\"Wait 2 hours\",\"problem\":null}]");
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("totalJobs").asInt()).isEqualTo(2);
    var done = api.get("/api/journeys/{key}/migrations/{batchId}", journey.key, batchId).getBody();
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("batchId").asText()).isEqualTo(batchId);
    assertThat(done.get("journey").asText()).isEqualTo(journey.key);
    assertThat(done.get("sourceVersion").asInt()).isEqualTo(1);
    assertThat(done.get("targetVersion").asInt()).isEqualTo(2);
    assertThat(done.get("runs").asLong()).isEqualTo(2);
    assertThat(api.get("/api/journeys/{key}/migrations/{batchId}", "welcome-series", batchId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.versionOf(annRun)).isEqualTo(2);
    assertThat(driver.versionOf(bobRun)).isEqualTo(2);
    // the timer keeps its due date: the wait the contact entered was 1 hour
    assertThat(timerDue(annRun)).isEqualTo(due);

    passTime(Duration.ofHours(1), annRun, bobRun);

    assertThat(driver.templatesSentTo(ann)).containsExactlyInAnyOrder("welcome", "nurture", "success");
    assertThat(driver.templatesSentTo(bob)).containsExactlyInAnyOrder("welcome", "nurture", "success");
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(annRun, bobRun)).count())
        .isZero();
  }

  @Test
  void recomputesTimersFromTheNewVersionWhenAsked() {
    var run = driver.enter(driver.aContact());
    journey.deployV2WithLongerWaitAndTip(http);

    var started = api.post("/api/journeys/{key}/migrations", migration(1, 2, Map.of(), true), journey.key);
    EngineBatches.run(management, started.getBody().get("batchId").asText());

    assertThat(timerDue(run)).isEqualTo(EngineTime.now().plus(Duration.ofHours(2)));
  }

  @Test
  void refusesToLeaveContactsInARemovedStepUnlessItIsMapped() {
    var contact = driver.aContact();
    var run = driver.enter(contact);
    journey.deployV3WithTheWaitReplaced(http);

    var preview = api.post("/api/journeys/{key}/migrations/preview", migration(1, 2, Map.of()), journey.key);
    var refused = api.post("/api/journeys/{key}/migrations", migration(1, 2, Map.of()), journey.key);
    var mapped = migration(1, 2, Map.of(VersionedJourney.WAIT, VersionedJourney.LONGER_WAIT));
    var mappedPreview = api.post("/api/journeys/{key}/migrations/preview", mapped, journey.key);
    var started = api.post("/api/journeys/{key}/migrations", mapped, journey.key);
    EngineBatches.run(management, started.getBody().get("batchId").asText());

    assertThat(changes(api.get("/api/journeys/{key}/versions", journey.key).getBody().get("versions").get(0)))
        .containsExactly("Timer_WaitLonger ADDED []", "Timer_Wait REMOVED []");
    assertThat(preview.getBody().get("executable").asBoolean()).isFalse();
    assertThat(preview.getBody().at("/steps/0/problem").asText())
        .contains("step Timer_Wait 'Wait 1 hour': 1 runs wait here", "map it to a step of version 2");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("mapping");
    assertThat(refused.getBody().get("detail").asText()).contains("Timer_Wait", "1 runs");
    assertThat(mappedPreview.getBody().get("executable").asBoolean()).isTrue();
    assertThat(mappedPreview.getBody().at("/steps/0/to").asText()).isEqualTo(VersionedJourney.LONGER_WAIT);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).singleResult().getProcessDefinitionId())
        .isEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(journey.key).processDefinitionVersion(2)
            .singleResult().getId());
    assertThat(runtime.getActivityInstance(run).getChildActivityInstances()[0].getActivityId())
        .isEqualTo(VersionedJourney.LONGER_WAIT);
  }

  @Test
  void reportsTheEnginesObjectionsToAPlan() {
    driver.enter(driver.aContact());
    journey.deployV2WithLongerWaitAndTip(http);

    var timerToTask = api.post("/api/journeys/{key}/migrations/preview",
        migration(1, 2, Map.of(VersionedJourney.WAIT, "Task_SendTip")), journey.key).getBody();
    var mappedTwice = api.post("/api/journeys/{key}/migrations/preview",
        migration(1, 2, Map.of("Task_SendWelcome", "Task_SendReminder")), journey.key).getBody();
    var refused = api.post("/api/journeys/{key}/migrations",
        migration(1, 2, Map.of(VersionedJourney.WAIT, "Task_SendTip")), journey.key);

    assertThat(timerToTask.get("executable").asBoolean()).isFalse();
    assertThat(timerToTask.get("planErrors").toString()).contains("Timer_Wait → Task_SendTip");
    assertThat(mappedTwice.get("executable").asBoolean()).isFalse();
    assertThat(mappedTwice.get("planErrors").toString()).contains("Task_SendWelcome");
    LiveJourneyDriver.assertBadField(refused, "mapping", "Timer_Wait → Task_SendTip");
  }

  @Test
  void namesTheFieldOfAnUnknownVersionOrStep() {
    driver.enter(driver.aContact());
    journey.deployV2WithLongerWaitAndTip(http);

    var unknownSource = api.post("/api/journeys/{key}/migrations/preview", migration(7, 2, Map.of()), journey.key);
    var unknownTarget = api.post("/api/journeys/{key}/migrations", migration(1, 9, Map.of()), journey.key);
    var noSuchTarget = api.post("/api/journeys/{key}/migrations/preview",
        migration(1, 2, Map.of(VersionedJourney.WAIT, "Timer_Nowhere")), journey.key);
    var noSuchSource = api.post("/api/journeys/{key}/migrations/preview",
        migration(1, 2, Map.of("Timer_Never", VersionedJourney.WAIT)), journey.key);
    var missing = api.post("/api/journeys/{key}/migrations", Map.of("targetVersion", 2), journey.key);
    var unknownJourney = api.get("/api/journeys/{key}/versions", "no-such-journey");
    var unknownBatch = api.get("/api/journeys/{key}/migrations/{batchId}", journey.key, "no-such-batch");

    LiveJourneyDriver.assertBadField(unknownSource, "sourceVersion", "has no version 7; its versions are [1, 2]");
    LiveJourneyDriver.assertBadField(unknownTarget, "targetVersion", "has no version 9");
    LiveJourneyDriver.assertBadField(noSuchTarget, "mapping.Timer_Wait", "version 2 has no step 'Timer_Nowhere'");
    LiveJourneyDriver.assertBadField(noSuchSource, "mapping.Timer_Never", "version 1 has no step 'Timer_Never'");
    LiveJourneyDriver.assertBadField(missing, "sourceVersion", "sourceVersion");
    assertThat(unknownJourney.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownBatch.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static Map<String, Object> migration(int source, int target, Map<String, String> mapping) {
    return migration(source, target, mapping, false);
  }

  private static Map<String, Object> migration(int source, int target, Map<String, String> mapping, boolean recompute) {
    var body = new HashMap<String, Object>();
    body.put("sourceVersion", source);
    body.put("targetVersion", target);
    body.put("mapping", mapping);
    body.put("recomputeTimers", recompute);
    return body;
  }

  private static List<String> changes(JsonNode version) {
    var changes = new java.util.ArrayList<String>();
    version.get("changes").forEach(change -> {
      var details = new java.util.ArrayList<String>();
      change.get("details").forEach(detail -> details.add(detail.asText()));
      changes.add(change.get("step").asText() + " " + change.get("change").asText() + " " + details);
    });
    return changes;
  }

  private java.time.Instant timerDue(String run) {
    return management.createJobQuery().processInstanceId(run).timers().singleResult().getDuedate().toInstant();
  }

  private void passTime(Duration duration, String... runs) {
    EngineTime.advance(duration);
    for (var run : runs) {
      EngineJobs.runDue(management, run);
    }
  }
}
