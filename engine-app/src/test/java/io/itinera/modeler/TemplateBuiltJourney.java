package io.itinera.modeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A journey an analyst draws in the Modeler from the element templates alone: the shapes come from
 * the model builder, every setting from applying a template the way the Modeler does (hidden
 * values, defaults, what the analyst typed into the form), nothing else.
 */
final class TemplateBuiltJourney {

  /** Relative to engine-app, Maven's working directory for its tests. */
  private static final Path TEMPLATES = Path.of("../processes/element-templates");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TemplateBuiltJourney() {
  }

  /** Welcomes a newsletter signup: an email, a segment, and the CRM told (at {@code crmUrl}), entered once. */
  static BpmnModelInstance newsletterWelcome(String key, String message, String crmUrl) {
    var model = Bpmn.createExecutableProcess(key).name("Newsletter welcome").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Signup").name("Signed up for the newsletter").message(message)
        .sequenceFlowId("Flow_SignedUp").serviceTask("Task_SendWelcome").name("Send welcome email")
        .sequenceFlowId("Flow_Welcomed").serviceTask("Task_AddToNewsletter").name("Add to newsletter")
        .sequenceFlowId("Flow_Added").serviceTask("Task_TellCrm").name("Tell the CRM")
        .sequenceFlowId("Flow_Told").endEvent("EndEvent_Done").name("Welcomed")
        .done();
    apply(model, "StartEvent_Signup", "journey-entry.json", Map.of("itinera.reentry", "never"));
    apply(model, "Task_SendWelcome", "send-email.json", Map.of("template", "welcome"));
    apply(model, "Task_AddToNewsletter", "add-to-segment.json", Map.of("segment", "newsletter"));
    apply(model, "Task_TellCrm", "call-webhook.json", Map.of("url", crmUrl,
        "field1Name", "source", "field1Value", "${event.source}", "field2Name", "list", "field2Value", "newsletter"));
    return model;
  }

  /** What the Modeler does when an analyst picks a template and fills in its form. */
  private static void apply(BpmnModelInstance model, String elementId, String templateFile, Map<String, String> typed) {
    var template = read(templateFile).get(0);
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

  private static JsonNode read(String templateFile) {
    try {
      return JSON.readTree(TEMPLATES.resolve(templateFile).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
