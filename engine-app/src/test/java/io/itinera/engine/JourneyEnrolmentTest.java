package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.journey.EntryCheck;
import io.itinera.journey.EntryRefusedException;
import io.itinera.journey.Enrolment;
import io.itinera.journey.EnrolmentStatus;
import io.itinera.journey.JourneyCatalog;
import io.itinera.journey.JourneyEnrolments;
import io.itinera.journey.JourneyRouter;
import io.itinera.journey.Routing;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** One active run per contact and journey, however the run is started or ended. */
@ItineraAppTest
class JourneyEnrolmentTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  JourneyEnrolments enrolments;
  @Autowired
  JourneyRouter router;
  @Autowired
  JourneyCatalog catalog;
  @Autowired
  EntryCheck entryCheck;
  @Autowired
  TransactionTemplate transaction;

  private final String contact = "contact-" + UUID.randomUUID();

  @Test
  void startsTheWelcomeSeriesOnceThroughTheEngineRestApiAndRefusesASecondRun() {
    var first = startWelcomeSeries(Map.of("businessKey", contact));
    var second = startWelcomeSeries(Map.of("businessKey", contact));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getBody()).containsEntry("type", "EntryRefusedException")
        .extractingByKey("message").asString().contains(contact, "welcome-series");
    assertThat(runsOf(contact)).isEqualTo(1);
    assertThat(enrolments.ofContact(contact)).singleElement()
        .returns(first.getBody().get("id"), Enrolment::processInstanceId)
        .returns(EnrolmentStatus.ACTIVE, Enrolment::status);
  }

  @Test
  void refusesASecondSignupMessageForAContactAlreadyInTheSeries() {
    signUp(contact);

    assertThatThrownBy(() -> signUp(contact)).isInstanceOf(EntryRefusedException.class);
    assertThat(runsOf(contact)).isEqualTo(1);
    assertThat(enrolments.ofContact(contact)).hasSize(1);
  }

  @Test
  void letsOtherContactsIntoTheSameJourney() {
    var other = "contact-" + UUID.randomUUID();

    signUp(contact);
    signUp(other);

    assertThat(runsOf(contact)).isEqualTo(1);
    assertThat(runsOf(other)).isEqualTo(1);
  }

  @Test
  void letsTheContactBackInOnceOpsCancelledTheRunEvenWithListenersSkipped() {
    var run = signUp(contact);

    var cancelled = asAdministrator().exchange(
        "/engine-rest/process-instance/{id}?skipCustomListeners=true", HttpMethod.DELETE, null, String.class, run);
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(enrolments.ofContact(contact)).singleElement()
        .returns(EnrolmentStatus.CANCELLED, Enrolment::status)
        .satisfies(enrolment -> assertThat(enrolment.exitedAt()).isNotNull());

    signUp(contact);

    assertThat(enrolments.ofContact(contact)).extracting(Enrolment::status)
        .containsExactlyInAnyOrder(EnrolmentStatus.ACTIVE, EnrolmentStatus.CANCELLED);
  }

  @Test
  void recordsACompletedRunAndAllowsTheNextOne() {
    var deployment = repository.createDeployment().name("enrolment-test")
        .addModelInstance("one-step.bpmn", Bpmn.createExecutableProcess("one-step")
            .name("One step").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Go").name("Go")
            .endEvent("EndEvent_Done").name("Done")
            .done())
        .deploy();
    try {
      runtime.startProcessInstanceByKey("one-step", contact);
      runtime.startProcessInstanceByKey("one-step", contact);

      assertThat(enrolments.ofContact(contact)).hasSize(2)
          .allSatisfy(enrolment -> assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void appliesTheEntryRulesToStartsThroughTheEngineRestApi() {
    TestJourneys.deploy(repository);
    var once = asAdministrator().exchange("/engine-rest/process-definition/key/test-once/start", HttpMethod.POST,
        new HttpEntity<>(Map.of("businessKey", contact)), new ParameterizedTypeReference<Map<String, Object>>() { });
    var twice = asAdministrator().exchange("/engine-rest/process-definition/key/test-once/start", HttpMethod.POST,
        new HttpEntity<>(Map.of("businessKey", contact)), new ParameterizedTypeReference<Map<String, Object>>() { });

    assertThat(once.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getBody()).extractingByKey("message").asString().contains("re-entry is 'never'");
  }

  @Test
  void aStartTheRouterCheckedIsNotLetThroughTwiceInItsTransaction() {
    TestJourneys.deploy(repository);
    transaction.executeWithoutResult(status -> {
      var routed = router.start(contact, "test_once", Map.of());
      assertThat(routed.started()).extracting(Routing.Started::journey).containsExactly("test-once");

      // The router's check of the first start is used up: this second start is checked, and refused by a
      // rule that only the check knows (the first run has already ended).
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("test-once", contact))
          .isInstanceOf(EntryRefusedException.class).hasMessageContaining("re-entry is 'never'");
      status.setRollbackOnly(); // as the intake does with a refusal the engine threw
    });
  }

  @Test
  void aVouchEndsWithTheStartItWasGivenFor() {
    TestJourneys.deploy(repository);
    runtime.startProcessInstanceByKey("test-once", contact);
    var once = catalog.startedBy("test_once").get(0);
    entryCheck.startVouchedFor(once, contact, () -> null); // a start that started nothing

    assertThatThrownBy(() -> runtime.startProcessInstanceById(once.processDefinitionId(), contact))
        .isInstanceOf(EntryRefusedException.class).hasMessageContaining("re-entry is 'never'");
  }

  @Test
  void refusesAJourneyStartedWithoutAContact() {
    var response = startWelcomeSeries(Map.of());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).extractingByKey("message").asString().contains("business key");
  }

  @Test
  void letsOnlyOneOfManyConcurrentSignupsOfTheSameContactThrough() throws Exception {
    int attempts = 4;
    var barrier = new CyclicBarrier(attempts);
    var executor = Executors.newFixedThreadPool(attempts);
    try {
      var results = new ArrayList<Future<String>>();
      for (int i = 0; i < attempts; i++) {
        results.add(executor.submit((Callable<String>) () -> {
          barrier.await(10, TimeUnit.SECONDS);
          return signUp(contact);
        }));
      }
      var refusals = 0;
      for (var result : results) {
        try {
          result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException refused) {
          assertThat(refused).cause().isInstanceOf(EntryRefusedException.class);
          refusals++;
        }
      }

      assertThat(refusals).isEqualTo(attempts - 1);
      assertThat(runsOf(contact)).isEqualTo(1);
      assertThat(enrolments.ofContact(contact)).hasSize(1);
    } finally {
      executor.shutdownNow();
    }
  }

  private String signUp(String contactId) {
    return runtime.createMessageCorrelation("signup")
        .processInstanceBusinessKey(contactId)
        .correlateStartMessage()
        .getId();
  }

  private long runsOf(String contactId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).count();
  }

  private ResponseEntity<Map<String, Object>> startWelcomeSeries(Map<String, Object> body) {
    return asAdministrator().exchange("/engine-rest/process-definition/key/welcome-series/start",
        HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() { });
  }

  private TestRestTemplate asAdministrator() {
    return http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD);
  }
}
