package io.itinera.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Reads what the checks need from BPMN elements, and names the element a problem belongs to. */
final class Elements {

  private Elements() {
  }

  /** A problem on the flow element (task, event, flow) that holds {@code part}: that is what Cockpit and the Modeler show. */
  static Problem problem(ModelElementInstance part, String message) {
    var element = owner(part);
    return new Problem(element.getId(), element instanceof FlowElement flow ? flow.getName() : null, message);
  }

  /** The id of the process that holds {@code part}: the journey key. */
  static String journeyKey(ModelElementInstance part) {
    for (var at = part; at != null; at = at.getParentElement()) {
      if (at instanceof Process process) {
        return process.getId();
      }
    }
    return null;
  }

  /** The text of each input parameter by name; null for a list, map or script, which is given but not text. */
  static Map<String, String> inputs(BaseElement element) {
    var inputs = new LinkedHashMap<String, String>();
    extensions(element, CamundaInputOutput.class).flatMap(io -> io.getCamundaInputParameters().stream())
        .forEach(input -> inputs.put(input.getCamundaName(), input.getValue() == null ? text(input) : null));
    return inputs;
  }

  static Map<String, String> properties(BaseElement element) {
    var properties = new LinkedHashMap<String, String>();
    extensions(element, CamundaProperties.class).flatMap(list -> list.getCamundaProperties().stream())
        .forEach(property -> properties.put(property.getCamundaName(), property.getCamundaValue()));
    return properties;
  }

  private static <T extends ModelElementInstance> Stream<T> extensions(BaseElement element, Class<T> type) {
    return element.getExtensionElements() == null ? Stream.empty()
        : element.getExtensionElements().getElementsQuery().filterByType(type).list().stream();
  }

  private static String text(CamundaInputParameter parameter) {
    return parameter.getTextContent() == null ? "" : parameter.getTextContent().strip();
  }

  private static BaseElement owner(ModelElementInstance part) {
    for (var at = part; at != null; at = at.getParentElement()) {
      if (at instanceof FlowElement || at instanceof Process) {
        return (BaseElement) at;
      }
    }
    throw new IllegalArgumentException("Not inside a process: " + part.getElementType().getTypeName());
  }
}
