package io.itinera.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What changed from one journey version to the next, step by step (steps are matched by id, as
 * migration matches them): added, removed, or changed in type, name, timer, the bean it calls, its
 * inputs or fields. Layout and flows are not compared; a changed condition shows on the gateway's
 * flows only in the BPMN.
 */
final class StepChanges {

  private StepChanges() {
  }

  static List<StepChange> between(BpmnModelInstance before, BpmnModelInstance after) {
    var old = shapes(FlowOrder.of(before));
    var now = shapes(FlowOrder.of(after));
    var changes = new ArrayList<StepChange>();
    now.forEach((id, shape) -> {
      var earlier = old.get(id);
      if (earlier == null) {
        changes.add(new StepChange(id, shape.name(), shape.type(), StepChange.Change.ADDED, List.of()));
      } else if (!earlier.equals(shape)) {
        changes.add(new StepChange(id, shape.name(), shape.type(), StepChange.Change.CHANGED, differences(earlier, shape)));
      }
    });
    old.forEach((id, shape) -> {
      if (!now.containsKey(id)) {
        changes.add(new StepChange(id, shape.name(), shape.type(), StepChange.Change.REMOVED, List.of()));
      }
    });
    return changes;
  }

  /** What a step is and does, as far as a contact in it can tell. */
  private record Shape(String type, String name, Map<String, String> settings) {
  }

  private static Map<String, Shape> shapes(List<FlowNode> nodes) {
    var shapes = new LinkedHashMap<String, Shape>();
    nodes.forEach(node -> shapes.put(node.getId(), shape(node)));
    return shapes;
  }

  private static Shape shape(FlowNode node) {
    var settings = new LinkedHashMap<String, String>();
    if (node instanceof Event event) {
      event.getChildElementsByType(TimerEventDefinition.class).forEach(timer -> settings.put("timer", timer(timer)));
    }
    if (node instanceof ServiceTask task && task.getCamundaDelegateExpression() != null) {
      settings.put("delegateExpression", task.getCamundaDelegateExpression());
    }
    if (node.getExtensionElements() != null) {
      var extensions = node.getExtensionElements().getElementsQuery();
      extensions.filterByType(CamundaInputOutput.class).list().stream()
          .flatMap(io -> io.getCamundaInputParameters().stream())
          .forEach(input -> settings.put("input '" + input.getCamundaName() + "'", input.getTextContent().strip()));
      extensions.filterByType(CamundaField.class).list().forEach(field -> settings.put(
          "field '" + field.getCamundaName() + "'", Objects.requireNonNullElse(field.getCamundaStringValue(),
              Objects.requireNonNullElse(field.getCamundaExpression(), text(field)))));
    }
    return new Shape(node.getElementType().getTypeName(), node.getName(), settings);
  }

  private static String timer(TimerEventDefinition timer) {
    if (timer.getTimeDuration() != null) {
      return "duration " + timer.getTimeDuration().getTextContent().strip();
    }
    if (timer.getTimeDate() != null) {
      return "date " + timer.getTimeDate().getTextContent().strip();
    }
    return timer.getTimeCycle() == null ? "" : "cycle " + timer.getTimeCycle().getTextContent().strip();
  }

  private static String text(ModelElementInstance element) {
    return element.getTextContent().strip();
  }

  private static List<String> differences(Shape before, Shape after) {
    var details = new ArrayList<String>();
    if (!before.type().equals(after.type())) {
      details.add("type: " + before.type() + " → " + after.type());
    }
    if (!Objects.equals(before.name(), after.name())) {
      details.add("name: '" + before.name() + "' → '" + after.name() + "'");
    }
    var keys = new LinkedHashSet<>(before.settings().keySet());
    keys.addAll(after.settings().keySet());
    for (var key : keys) {
      var was = before.settings().get(key);
      var is = after.settings().get(key);
      if (was == null) {
        details.add(key + " added: '" + is + "'");
      } else if (is == null) {
        details.add(key + " removed (was '" + was + "')");
      } else if (!was.equals(is)) {
        details.add(key + ": '" + was + "' → '" + is + "'");
      }
    }
    return details;
  }
}
