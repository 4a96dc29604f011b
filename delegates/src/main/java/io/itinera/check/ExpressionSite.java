package io.itinera.check;

import io.itinera.journey.EntryRules;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaEntry;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A place where a journey reads the contact and the event while it runs: a condition, the entry
 * condition, an input value (also inside a list or map). The text may still be a plain value.
 */
record ExpressionSite(ModelElementInstance part, String what, String text) {

  static List<ExpressionSite> in(BpmnModelInstance model) {
    var sites = new ArrayList<ExpressionSite>();
    for (var flow : model.getModelElementsByType(SequenceFlow.class)) {
      var condition = flow.getConditionExpression();
      if (condition != null && (condition.getLanguage() == null || "juel".equalsIgnoreCase(condition.getLanguage()))) {
        sites.add(new ExpressionSite(flow, "condition", condition.getTextContent()));
      }
    }
    for (var definition : model.getModelElementsByType(ConditionalEventDefinition.class)) {
      if (definition.getCondition() != null) {
        sites.add(new ExpressionSite(definition, "condition", definition.getCondition().getTextContent()));
      }
    }
    for (var input : model.getModelElementsByType(CamundaInputParameter.class)) {
      if (input.getValue() == null) {
        sites.add(new ExpressionSite(input, "input '" + input.getCamundaName() + "'", input.getTextContent()));
      }
    }
    // The values inside an input's camunda:list or camunda:map, each an expression of its own.
    for (var value : model.getModelElementsByType(CamundaValue.class)) {
      sites.add(new ExpressionSite(value, "list value", value.getTextContent()));
    }
    for (var entry : model.getModelElementsByType(CamundaEntry.class)) {
      sites.add(new ExpressionSite(entry, "map entry '" + entry.getCamundaKey() + "'", entry.getTextContent()));
    }
    for (var start : model.getModelElementsByType(StartEvent.class)) {
      var condition = Elements.properties(start).get(EntryRules.CONDITION);
      if (condition != null) {
        sites.add(new ExpressionSite(start, EntryRules.CONDITION, condition));
      }
    }
    return sites;
  }
}
