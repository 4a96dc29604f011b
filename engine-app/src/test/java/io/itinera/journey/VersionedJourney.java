package io.itinera.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.EngineDeployments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A test journey of its own key in the versions a change takes it through, deployed as the Modeler
 * deploys (the engine REST API): welcome email, a wait, (a tip,) a reminder; a {@code stop} message
 * ends it at any point. Version 1 waits 1 hour; version 2 waits 2 hours in the same step and sends a
 * tip after it; version 3 replaces the wait with another step (another id) of 3 hours.
 */
final class VersionedJourney {

  static final String WAIT = "Timer_Wait";
  static final String LONGER_WAIT = "Timer_WaitLonger";

  final String key;
  final String entry;
  final String stop;

  VersionedJourney() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    key = "test-versions-" + suffix;
    entry = "test_versions_enter_" + suffix;
    stop = "test_versions_stop_" + suffix;
  }

  ResponseEntity<JsonNode> deployV1(TestRestTemplate http) {
    return deploy(http, List.of(timer(WAIT, "Wait 1 hour", "PT1H")));
  }

  ResponseEntity<JsonNode> deployV2WithLongerWaitAndTip(TestRestTemplate http) {
    return deploy(http, List.of(timer(WAIT, "Wait 2 hours", "PT2H"), email("Task_SendTip", "Send a tip", "nurture")));
  }

  ResponseEntity<JsonNode> deployV3WithTheWaitReplaced(TestRestTemplate http) {
    return deploy(http, List.of(timer(LONGER_WAIT, "Wait 3 hours", "PT3H")));
  }

  private ResponseEntity<JsonNode> deploy(TestRestTemplate http, List<Step> middle) {
    var deployed = EngineDeployments.create(http, key + ".bpmn", bpmn(middle).getBytes(StandardCharsets.UTF_8));
    if (!deployed.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("Deployment refused: " + deployed.getBody());
    }
    return deployed;
  }

  /** A step's id and its BPMN. */
  private record Step(String id, String xml) {
  }

  private static Step timer(String id, String name, String duration) {
    return new Step(id, """
        <bpmn:intermediateCatchEvent id="%s" name="%s">
          <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>""".formatted(id, name, duration));
  }

  private static Step email(String id, String name, String template) {
    return new Step(id, """
        <bpmn:serviceTask id="%s" name="%s" camunda:asyncBefore="true" camunda:delegateExpression="${sendEmailDelegate}">
          <bpmn:extensionElements>
            <camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>
            <camunda:inputOutput>
              <camunda:inputParameter name="template">%s</camunda:inputParameter>
              <camunda:inputParameter name="category">transactional</camunda:inputParameter>
            </camunda:inputOutput>
          </bpmn:extensionElements>
        </bpmn:serviceTask>""".formatted(id, name, template));
  }

  private String bpmn(List<Step> middle) {
    var steps = new ArrayList<Step>();
    steps.add(new Step("StartEvent_Enter", """
        <bpmn:startEvent id="StartEvent_Enter" name="Entered"><bpmn:messageEventDefinition messageRef="Message_Enter" /></bpmn:startEvent>"""));
    steps.add(email("Task_SendWelcome", "Send welcome email", "welcome"));
    steps.addAll(middle);
    steps.add(email("Task_SendReminder", "Send reminder", "success"));
    steps.add(new Step("EndEvent_Done", "<bpmn:endEvent id=\"EndEvent_Done\" name=\"Done\" />"));
    var body = new StringBuilder();
    for (int index = 0; index < steps.size(); index++) {
      body.append(steps.get(index).xml()).append('\n');
      if (index > 0) {
        body.append("<bpmn:sequenceFlow id=\"Flow_%d\" sourceRef=\"%s\" targetRef=\"%s\" />\n"
            .formatted(index, steps.get(index - 1).id(), steps.get(index).id()));
      }
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_TestVersions" targetNamespace="https://itinera.io/test-journeys">
          <bpmn:message id="Message_Enter" name="%s" />
          <bpmn:message id="Message_Stop" name="%s" />
          <bpmn:process id="%s" name="Test: a journey that changes" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
            <bpmn:subProcess id="EventSubProcess_Stop" name="Stopped" triggeredByEvent="true">
              <bpmn:startEvent id="StartEvent_Stop" name="Asked to stop" isInterrupting="true">
                <bpmn:messageEventDefinition messageRef="Message_Stop" />
              </bpmn:startEvent>
              <bpmn:endEvent id="EndEvent_Stopped" name="Stopped" />
              <bpmn:sequenceFlow id="Flow_Stopped" sourceRef="StartEvent_Stop" targetRef="EndEvent_Stopped" />
            </bpmn:subProcess>
          </bpmn:process>
        </bpmn:definitions>""".formatted(entry, stop, key, body);
  }
}
