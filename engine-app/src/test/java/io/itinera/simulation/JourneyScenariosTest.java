package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ItineraAppTest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs every scenario the analysts keep beside the shipped journeys ({@code journeys/<key>.scenarios.yaml})
 * through the simulator: one test per scenario, named after its file and line.
 */
@ItineraAppTest
class JourneyScenariosTest {

  static final String SHIPPED = "classpath*:journeys/*" + ScenarioFile.SUFFIX;

  private static final Map<String, Set<String>> NO_CONTACT_REACHES = Map.of(
      "birthday", Set.of("Timer_Hourly", "Task_EnrolBirthdays", "Gateway_MorePages", "EndEvent_AllEnrolled"),
      "win-back", Set.of("Timer_Daily", "Task_EnrolInactive", "Gateway_MorePages", "EndEvent_AllEnrolled"),
      "welcome-series", Set.of("EventSubProcess_TimeLimit", "Timer_TimeLimit", "EndEvent_TimeLimitReached"));

  @Autowired
  JourneySimulator simulator;

  @Autowired
  ObjectMapper json;

  @Autowired
  Validator validator;

  @TestFactory
  Stream<DynamicTest> everyScenarioOfTheShippedJourneysHolds() {
    return new ScenarioFile(json, validator).load(SHIPPED).stream()
        .map(scenario -> dynamicTest(scenario.title(), () -> verify(scenario)));
  }

  @Test
  void everyShippedJourneyHasAScenarioFile() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    var journeys = Arrays.stream(resolver.getResources("classpath*:journeys/*.bpmn"))
        .map(file -> file.getFilename().replace(".bpmn", "")).sorted().toList();
    var scenarioFiles = Arrays.stream(resolver.getResources(SHIPPED))
        .map(file -> file.getFilename().replace(ScenarioFile.SUFFIX, "")).sorted().toList();

    assertThat(scenarioFiles).isEqualTo(journeys);
  }

  /**
   * Every step a contact can reach is passed by some scenario. Left out, with the reason: the
   * scheduler runs of birthday and win-back (a timer start, not a contact's run, which the simulator
   * does not follow) and the welcome series' 30-day time limit (every path ends within days; only a
   * step stuck on an incident, which no contact data causes, stays 30 days).
   */
  @Test
  void theScenariosOfEachJourneyPassEveryStepAContactCanReach() throws IOException {
    var passed = new HashMap<String, Set<String>>();
    for (var scenario : new ScenarioFile(json, validator).load(SHIPPED)) {
      passed.computeIfAbsent(scenario.journey(), journey -> new TreeSet<>())
          .addAll(simulator.simulate(scenario.journey(), scenario.readPlan(), false).steps());
    }
    for (var bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:journeys/*.bpmn")) {
      var journey = bpmn.getFilename().replace(".bpmn", "");
      var steps = new TreeSet<String>();
      try (var content = bpmn.getInputStream()) {
        Bpmn.readModelFromStream(content).getModelElementsByType(FlowNode.class).forEach(node -> steps.add(node.getId()));
      }
      steps.removeAll(passed.getOrDefault(journey, Set.of()));
      steps.removeAll(NO_CONTACT_REACHES.getOrDefault(journey, Set.of()));

      assertThat(steps).as("steps of %s that no scenario passes", journey).isEmpty();
    }
  }

  @Test
  void aWrongExpectationFailsAtItsLineWithWhatTheRunDid() {
    var scenarios = new ScenarioFile(json, validator).load("classpath*:wrong-scenarios/*" + ScenarioFile.SUFFIX);

    assertThatThrownBy(() -> verify(scenarios.get(0))).hasMessage(
        "welcome-series.scenarios.yaml:9: scenario 'a website signup is expected to get the success email':"
            + " expected the steps [Task_SendWelcomeEmail, Task_SendSuccessEmail] in this order, but the run passed"
            + " [StartEvent_Signup, Task_SendWelcomeEmail, Timer_Wait24Hours, Gateway_EngagedRecently, Timer_Wait6Hours,"
            + " Task_SendEngagementPrompt, Gateway_SecondEmailSent, Timer_Wait72Hours, Gateway_EngagementScore,"
            + " Task_SendLowEngagementEmail, EndEvent_LowEngagement]\n"
            + "welcome-series.scenarios.yaml:10: scenario 'a website signup is expected to get the success email':"
            + " expected the run to end at EndEvent_Engaged, but it ended ('end') at EndEvent_LowEngagement");
  }

  @Test
  void anUnknownKeyOrAMalformedValueFailsAtTheScenariosLine() {
    var scenarios = new ScenarioFile(json, validator).load("classpath*:wrong-scenarios/*" + ScenarioFile.SUFFIX);

    assertThatThrownBy(() -> verify(scenarios.get(1))).hasMessage(
        "welcome-series.scenarios.yaml:12: scenario 'a typo in a key': unknown key 'timezone' in contact;"
            + " known keys there: [attributes, email, engagementScore, id, lifecycleStage, locale, pastEvents,"
            + " segments, subscribed, suppressed, timeZone]");
    assertThatThrownBy(() -> verify(scenarios.get(2))).hasMessage(
        "welcome-series.scenarios.yaml:17: scenario 'a wait that is no duration': events[0].after: 'two hours'"
            + " is not a valid Duration");
    assertThatThrownBy(() -> verify(scenarios.get(3))).hasMessage(
        "welcome-series.scenarios.yaml:23: scenario 'an ending that does not exist': expect.ending 'finished'"
            + " (line 27) is none of [end, failed, goal, horizon, not-entered, time-limit]");
    assertThatThrownBy(() -> verify(scenarios.get(4))).hasMessage(
        "welcome-series.scenarios.yaml:28: scenario 'a contact id with a space': contact.id must be an id of letters,"
            + " digits and . _ @ : + -");
  }

  private void verify(Scenario scenario) {
    var plan = scenario.readPlan();
    scenario.verify(ScenarioRun.of(scenario.run(() -> simulator.simulate(scenario.journey(), plan, false))));
  }
}
