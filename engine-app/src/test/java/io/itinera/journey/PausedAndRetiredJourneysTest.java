package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Ops stop a live journey without touching its BPMN: a pause refuses new entries and holds the runs
 * (their due timers do not fire) until resumed, or lets them drain; a retired version takes no new
 * entries while its runs finish.
 */
@ItineraAppTest
class PausedAndRetiredJourneysTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  Outbox outbox;

  private ApiClient api;
  private final VersionedJourney journey = new VersionedJourney();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    EngineTime.freeze();
    journey.deployV1(http);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void aPausedJourneyRefusesEntriesAndHoldsItsRunsUntilResumed() {
    var ann = aContact();
    var run = enter(ann);

    var paused = api.post("/api/journeys/{key}/pause", Map.of("drain", false), journey.key);
    var refused = api.track(aContact(), journey.entry, Map.of());
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
    assertThat(templatesSentTo(ann)).containsExactly("welcome");

    var resumed = api.post("/api/journeys/{key}/resume", null, journey.key);
    EngineJobs.runDue(management, run);

    assertThat(resumed.getBody().get("status").asText()).isEqualTo("RUNNING");
    assertThat(templatesSentTo(ann)).containsExactlyInAnyOrder("welcome", "success");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(run).count()).isZero();
    assertThat(api.track(aContact(), journey.entry, Map.of()).get("started")).hasSize(1);
  }

  @Test
  void aDrainingJourneyRefusesEntriesWhileItsRunsGoOn() {
    var ann = aContact();
    var run = enter(ann);

    var draining = api.post("/api/journeys/{key}/pause", Map.of("drain", true), journey.key);
    var refused = api.track(aContact(), journey.entry, Map.of());
    EngineTime.advance(Duration.ofHours(1));
    EngineJobs.runDue(management, run);

    assertThat(draining.getBody().get("status").asText()).isEqualTo("DRAINING");
    assertThat(draining.getBody().get("heldRuns").asLong()).isZero();
    assertThat(refused.at("/notStarted/0/rule").asText()).isEqualTo("PAUSED");
    assertThat(templatesSentTo(ann)).containsExactlyInAnyOrder("welcome", "success");
    assertThat(api.get("/api/journeys/{key}/versions", journey.key).getBody().at("/state/status").asText())
        .isEqualTo("DRAINING");
  }

  @Test
  void aRetiredVersionTakesNoNewEntriesWhileItsRunsFinish() {
    journey.deployV2WithLongerWaitAndTip(http);
    var bob = aContact();
    var onVersion2 = enter(bob);

    var retired = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 2);
    var carlsRun = enter(aContact());
    EngineTime.advance(Duration.ofHours(2));
    EngineJobs.runDue(management, onVersion2);

    assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retired.getBody().at("/versions/0/retired").asBoolean()).isTrue();
    assertThat(retired.getBody().at("/versions/0/takesEntries").asBoolean()).isFalse();
    assertThat(retired.getBody().at("/versions/1/takesEntries").asBoolean()).isTrue();
    assertThat(versionOf(onVersion2)).isEqualTo(2);
    assertThat(versionOf(carlsRun)).isEqualTo(1);
    assertThat(templatesSentTo(bob)).containsExactlyInAnyOrder("welcome", "nurture", "success");
    // the engine REST API starts the latest version by key: refused as retired
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(journey.key, "c-" + UUID.randomUUID()))
        .isInstanceOf(EntryRefusedException.class).hasMessageContaining("version 2 is retired");
  }

  @Test
  void keepsOneVersionTakingEntriesAndNamesUnknownVersionsAndJourneys() {
    var lastOpen = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 1);
    var unknownVersion = api.post("/api/journeys/{key}/versions/{version}/retire", null, journey.key, 5);
    var unknownJourney = api.post("/api/journeys/{key}/pause", Map.of(), "no-such-journey");

    assertBadField(lastOpen, "version", "version 1 is the last version");
    assertBadField(unknownVersion, "version", "has no version 5");
    assertThat(unknownJourney.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static void assertBadField(org.springframework.http.ResponseEntity<JsonNode> answer, String field,
      String detail) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
    assertThat(answer.getBody().get("detail").asText()).contains(detail);
  }

  private String aContact() {
    var contact = "c-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
    return contact;
  }

  /** The contact enters, is sent the welcome email and waits at the timer. */
  private String enter(String contact) {
    var run = api.track(contact, journey.entry, Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    return run;
  }

  private int versionOf(String run) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
        .getProcessDefinitionVersion();
  }

  private List<String> templatesSentTo(String contact) {
    return outbox.ofContact(contact).stream().map(OutboxMessage::template).toList();
  }
}
