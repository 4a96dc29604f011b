package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every flow node and sequence flow of every shipped journey is taken by at least one path test. A
 * journey may be covered by several test classes (the schedulers' shared path has its own), so this
 * adds up the coverage reports the path tests wrote; it runs after them (junit-platform.properties).
 */
@Order(Integer.MAX_VALUE)
class JourneyCoverageTest {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");
  private static final Path JOURNEYS = Path.of("src", "main", "resources", "journeys");

  @Test
  void everyFlowOfEveryShippedJourneyIsTakenByAPathTest() throws IOException {
    var covered = coveredElementsByJourney();

    try (var files = Files.list(JOURNEYS)) {
      for (var file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        var elements = new TreeSet<String>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
        var journey = file.getFileName().toString().replace(".bpmn", "");

        elements.removeAll(covered.getOrDefault(journey, Set.of()));

        assertThat(elements).as("elements of %s that no path test takes", journey).isEmpty();
      }
    }
  }

  private static Map<String, Set<String>> coveredElementsByJourney() throws IOException {
    var covered = new HashMap<String, Set<String>>();
    var json = new ObjectMapper();
    try (Stream<Path> reports = Files.walk(REPORTS)) {
      for (var report : reports.filter(path -> path.endsWith("report.json")).toList()) {
        for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }
    return covered;
  }
}
