package io.itinera.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.itinera.ApiClient;
import io.itinera.EngineDeployments;
import io.itinera.EngineJobs;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestCrm;
import io.itinera.TestInbox;
import io.itinera.email.OutboxDispatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A journey an analyst draws in the Modeler from the element templates alone: the shapes come from
 * the model builder, every setting from applying a template the way the Modeler does (hidden
 * values, defaults, what the analyst typed into the form). It is deployed into the running app
 * through the engine REST API and run end to end.
 */
@ItineraAppTest
class TemplateBuiltJourneyTest {

  private static final Path TEMPLATES = Path.of("../processes/element-templates");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ManagementService management;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  GreenMail smtpServer;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void freezeClock() {
    EngineTime.freeze();
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void deploysThroughTheRestApiAndRuns() throws IOException {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    var key = "from-templates-" + suffix;
    var message = "newsletter_signup_" + suffix;
    var model = Bpmn.createExecutableProcess(key).name("Newsletter welcome").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Signup").name("Signed up for the newsletter").message(message)
        .serviceTask("Task_SendWelcome").name("Send welcome email")
        .serviceTask("Task_AddToNewsletter").name("Add to newsletter")
        .serviceTask("Task_TellCrm").name("Tell the CRM")
        .endEvent("EndEvent_Done").name("Welcomed")
        .done();
    apply(model, "StartEvent_Signup", "journey-entry.json", Map.of("itinera.reentry", "never"));
    apply(model, "Task_SendWelcome", "send-email.json", Map.of("template", "welcome"));
    apply(model, "Task_AddToNewsletter", "add-to-segment.json", Map.of("segment", "newsletter"));
    apply(model, "Task_TellCrm", "call-webhook.json", Map.of("url", TestCrm.url(),
        "field1Name", "source", "field1Value", "${event.source}", "field2Name", "list", "field2Value", "newsletter"));

    var deployed = EngineDeployments.create(http, key + ".bpmn",
        Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    var contact = "c-" + UUID.randomUUID();
    var api = new ApiClient(http);
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "attributes", Map.of("firstName", "Ann")),
        contact);
    var source = "footer\", \"refund\": \"9999";
    var first = api.track(contact, message, Map.of("source", source));
    EngineJobs.runDue(management, first.at("/started/0/processInstanceId").asText());
    TestInbox.dispatch(dispatcher);
    var second = api.track(contact, message, Map.of());

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.at("/started/0/journey").asText()).isEqualTo(key);
    assertThat(second.at("/notStarted/0/rule").asText()).isEqualTo("REENTRY");
    assertThat(TestInbox.of(smtpServer, contact + "@example.com")).hasSize(1);
    assertThat(api.get("/api/contacts/{id}", contact).getBody().get("segments").toString()).contains("newsletter");
    assertThat(TestCrm.received()).map(json::readTree).filteredOn(body -> body.path("contactId").asText().equals(contact))
        .singleElement().satisfies(body -> {
          assertThat(body.path("source").asText()).isEqualTo(source);
          assertThat(body.path("list").asText()).isEqualTo("newsletter");
          assertThat(body.has("refund")).isFalse();
        });
  }

  /** What the Modeler does when an analyst picks a template and fills in its form. */
  private void apply(BpmnModelInstance model, String elementId, String templateFile, Map<String, String> typed)
      throws IOException {
    var template = json.readTree(TEMPLATES.resolve(templateFile).toFile()).get(0);
    BaseElement element = model.getModelElementById(elementId);
    element.setAttributeValueNs(CAMUNDA, "modelerTemplate", template.get("id").asText());
    for (var property : template.get("properties")) {
      var binding = property.get("binding");
      var name = binding.get("name").asText();
      var value = typed.containsKey(name) ? typed.get(name) : property.path("value").asText(null);
      if (value == null || value.isEmpty()) {
        continue;
      }
      switch (binding.get("type").asText()) {
        case "property" -> element.setAttributeValueNs(CAMUNDA, name.substring("camunda:".length()), value);
        case "camunda:inputParameter" -> inputOutput(model, element).addChildElement(inputParameter(model, name, value));
        case "camunda:property" -> properties(model, element).addChildElement(property(model, name, value));
        default -> throw new AssertionError("A binding this test does not apply: " + binding);
      }
    }
  }

  private static CamundaInputOutput inputOutput(BpmnModelInstance model, BaseElement element) {
    var extensions = extensions(model, element);
    return extensions.getChildElementsByType(CamundaInputOutput.class).stream().findFirst()
        .orElseGet(() -> extensions.addExtensionElement(CamundaInputOutput.class));
  }

  private static CamundaInputParameter inputParameter(BpmnModelInstance model, String name, String value) {
    var parameter = model.newInstance(CamundaInputParameter.class);
    parameter.setCamundaName(name);
    parameter.setTextContent(value);
    return parameter;
  }

  private static CamundaProperties properties(BpmnModelInstance model, BaseElement element) {
    var extensions = extensions(model, element);
    return extensions.getChildElementsByType(CamundaProperties.class).stream().findFirst()
        .orElseGet(() -> extensions.addExtensionElement(CamundaProperties.class));
  }

  private static CamundaProperty property(BpmnModelInstance model, String name, String value) {
    var property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(name);
    property.setCamundaValue(value);
    return property;
  }

  private static ExtensionElements extensions(BpmnModelInstance model, BaseElement element) {
    if (element.getExtensionElements() == null) {
      element.setExtensionElements(model.newInstance(ExtensionElements.class));
    }
    return element.getExtensionElements();
  }
}
