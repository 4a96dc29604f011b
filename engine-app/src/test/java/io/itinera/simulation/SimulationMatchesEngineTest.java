package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.contact.ContactErasure;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.contact.Suppressions;
import io.itinera.email.Outbox;
import io.itinera.event.ContactEvents;
import io.itinera.event.EventIntake;
import io.itinera.journey.JourneyCatalog;
import io.itinera.segment.Segments;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acceptance of the simulator: for every scenario of the shipped journeys, the app's real engine
 * and the simulator, given the same contact (same id, since A/B splits hash it) and the same events
 * at the same times, pass the same steps in the same order, produce the same emails and end the
 * same way. Each real contact is erased afterwards (its runs, events, emails, history), so the
 * scenarios leave nothing behind for the app's other tests.
 */
@ItineraAppTest
class SimulationMatchesEngineTest {

  @Autowired
  JourneySimulator simulator;
  @Autowired
  ObjectMapper json;
  @Autowired
  Validator validator;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  EventIntake intake;
  @Autowired
  Outbox outbox;
  @Autowired
  JourneyCatalog catalog;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  Contacts contacts;
  @Autowired
  ContactErasure erasure;
  @Autowired
  ContactEvents events;
  @Autowired
  Segments segments;
  @Autowired
  Suppressions suppressions;
  @Autowired
  EngagementScoring scoring;

  private EngineRun engine;
  private final Set<String> contactIds = new HashSet<>();

  @BeforeEach
  void setUp() {
    engine = new EngineRun(runtime, management, history, intake, outbox, catalog, transaction,
        new SyntheticContacts(contacts, events, segments, suppressions, scoring, json));
  }

  @TestFactory
  Stream<DynamicTest> theSimulatorTakesTheRealEnginesPathInEveryScenario() {
    return new ScenarioFile(json, validator).load(JourneyScenariosTest.SHIPPED).stream()
        .map(scenario -> dynamicTest(scenario.title(), () -> compare(scenario)));
  }

  private void compare(Scenario scenario) {
    var plan = withContactOfItsOwn(scenario.readPlan(), scenario);
    ScenarioRun real;
    try {
      real = engine.run(scenario.journey(), plan);
    } finally {
      erasure.erase(plan.contact().id());
      EngineTime.reset();
    }
    var simulated = ScenarioRun.of(scenario.run(() -> simulator.simulate(scenario.journey(), plan, false)));

    assertThat(simulated).as(scenario.at(scenario.line()) + "the simulator and the real engine disagree (contact "
        + plan.contact().id() + "; expected: the real engine's run, but was: the simulator's)").isEqualTo(real);
  }

  /**
   * The scenario's own contact id, so that an A/B split takes the branch the scenario was written
   * for, unless the real app already has that contact; then a new one, the same for both runs.
   */
  private SimulationPlan withContactOfItsOwn(SimulationPlan plan, Scenario scenario) {
    var contact = plan.contactOrDefault();
    var id = contact.id() == null ? "scenario-" + scenario.journey() + "-" + scenario.line() : contact.id();
    var unique = id;
    for (int n = 2; !contactIds.add(unique) || contacts.find(unique).isPresent(); n++) {
      unique = id + "-" + n;
    }
    var start = plan.start() == null ? OffsetDateTime.parse("2026-12-07T09:00:00Z") : plan.start();
    return new SimulationPlan(new SimulatedContact(unique, contact.email(), contact.timeZone(), contact.locale(),
        contact.lifecycleStage(), contact.attributes(), contact.segments(), contact.subscribed(), contact.suppressed(),
        contact.engagementScore(), contact.pastEvents()), plan.trigger(), plan.events(), start, plan.horizon(),
        plan.seed());
  }
}
