package io.itinera.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every journey to our BPMN conventions (README, Adding a journey): what Cockpit shows and how
 * failures behave. The shipped journeys, and one built from the element templates alone, so the
 * conventions ask nothing an analyst who only has the templates cannot do.
 */
class JourneyConventionsTest {

  /** Relative to engine-app, Maven's working directory for its tests. */
  private static final Path JOURNEYS = Path.of("../processes/src/main/resources/journeys");
  /** Camunda's naming guide (Task_SendWelcomeEmail); rejects Modeler ids such as Activity_0x1f2ab. */
  private static final String ELEMENT_ID = "[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*";

  /** A journey and the file it is saved in; the file name is what a failing case shows. */
  record Journey(String fileName, BpmnModelInstance model) {

    @Override
    public String toString() {
      return fileName;
    }
  }

  static List<Journey> journeys() throws IOException {
    try (Stream<Path> files = Files.list(JOURNEYS)) {
      var shipped = files.filter(file -> file.toString().endsWith(".bpmn")).sorted()
          .map(file -> new Journey(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())));
      var fromTemplates = new Journey("newsletter-welcome.bpmn",
          TemplateBuiltJourney.newsletterWelcome("newsletter-welcome", "newsletter_signup", "https://crm.example.com/hooks"));
      return Stream.concat(shipped, Stream.of(fromTemplates)).toList();
    }
  }

  @ParameterizedTest
  @MethodSource("journeys")
  void processIdIsTheKebabCaseFileNameAndHistoryExpires(Journey journey) {
    var process = onlyProcess(journey.model());

    assertThat(process.getId() + ".bpmn").isEqualTo(journey.fileName());
    assertThat(process.getId()).matches("[a-z]+(-[a-z0-9]+)*");
    assertThat(process.getName()).isNotBlank();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(process.isExecutable()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("journeys")
  void everyStepHasANameAndAReadableId(Journey journey) {
    var model = journey.model();

    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(node -> assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank());
    assertThat(model.getModelElementsByType(FlowElement.class))
        .extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(id).matches(ELEMENT_ID));
  }

  @ParameterizedTest
  @MethodSource("journeys")
  void stepsThatCallOutRunAsynchronouslyWithRetries(Journey journey) {
    var tasks = journey.model().getModelElementsByType(ServiceTask.class);

    assertThat(tasks).allSatisfy(task -> {
      assertThat(task.getCamundaClass()).as("%s uses a bean, not camunda:class", task.getId()).isNull();
      assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).matches("\\$\\{[a-z][A-Za-z]*}");
      assertThat(task.isCamundaAsyncBefore()).as("%s is asyncBefore", task.getId()).isTrue();
      // Without a cycle of its own a step gets the app's default (R3/PT5M in application.yaml): the
      // element templates cannot set one. Its own cycle is R3/PT5M, or growing intervals (PT1M,PT10M,PT1H).
      var extensions = task.getExtensionElements();
      assertThat(extensions == null ? List.of() : extensions.getChildElementsByType(CamundaFailedJobRetryTimeCycle.class))
          .as("retry cycle of %s", task.getId()).hasSizeLessThanOrEqualTo(1)
          .allSatisfy(cycle -> assertThat(cycle.getTextContent().strip())
              .matches("R\\d+/P\\w+|P\\w+(,\\s*P\\w+)*"));
    });
  }

  @ParameterizedTest
  @MethodSource("journeys")
  void entryRulesOnStartEventsAreOnesTheRouterUnderstands(Journey journey) {
    var starts = journey.model().getModelElementsByType(StartEvent.class);

    assertThat(starts).allSatisfy(start -> {
      if (start.getExtensionElements() == null) {
        return;
      }
      start.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(properties -> properties.getCamundaProperties().stream())
          .filter(property -> property.getCamundaName().startsWith("itinera."))
          // a blank value is a field left empty in the Modeler: not set
          .filter(property -> property.getCamundaValue() != null && !property.getCamundaValue().isBlank())
          .forEach(property -> {
            var value = property.getCamundaValue();
            switch (property.getCamundaName()) {
              case "itinera.entryCondition" -> assertThat(value).as("entry condition").matches("\\$\\{.+}");
              case "itinera.reentry" -> assertThat(value).as("re-entry").isIn("never", "after-exit", "always");
              case "itinera.cooldown" -> assertThat(Duration.parse(value)).as("cooldown").isPositive();
              default -> throw new AssertionError("Unknown entry rule " + property.getCamundaName() + " on " + start.getId());
            }
          });
    });
  }

  private static Process onlyProcess(BpmnModelInstance model) {
    var processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("one journey per file").hasSize(1);
    return processes.iterator().next();
  }
}
