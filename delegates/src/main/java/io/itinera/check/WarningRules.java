package io.itinera.check;

import static io.itinera.check.Elements.problem;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * What deploys but deserves a second look: a decision some contact may fit no branch of, and a wait
 * that a contact who never acts would never leave.
 */
final class WarningRules {

  List<Problem> check(BpmnModelInstance model) {
    var warnings = new ArrayList<Problem>();
    for (var gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1 && gateway.getDefault() == null) {
        warnings.add(problem(gateway, "has no default flow: a contact no condition fits makes the run fail here;"
            + " mark the flow for everybody else as the default"));
      }
    }
    if (!hasTimeLimit(model)) {
      for (var wait : endlessWaits(model)) {
        warnings.add(problem(wait, "waits with no time out and the journey has no time limit: a contact who never"
            + " does this stays in the journey for good; add a timer to this wait or a time limit to the journey"));
      }
    }
    return warnings;
  }

  /** An event subprocess started by a timer ends every run after a while, whatever it waits for. */
  private static boolean hasTimeLimit(BpmnModelInstance model) {
    return model.getModelElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(subProcess -> subProcess.getChildElementsByType(StartEvent.class).stream())
        .anyMatch(WarningRules::isTimer);
  }

  private static List<FlowNode> endlessWaits(BpmnModelInstance model) {
    var waits = new ArrayList<FlowNode>();
    for (var gateway : model.getModelElementsByType(EventBasedGateway.class)) {
      if (gateway.getSucceedingNodes().list().stream().noneMatch(node -> node instanceof CatchEvent event && isTimer(event))) {
        waits.add(gateway);
      }
    }
    for (var event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
      var afterGateway = event.getPreviousNodes().list().stream().anyMatch(EventBasedGateway.class::isInstance);
      if (!afterGateway && !isTimer(event) && !hasTimerBoundary(model, event)) {
        waits.add(event);
      }
    }
    for (var task : model.getModelElementsByType(ReceiveTask.class)) {
      if (!hasTimerBoundary(model, task)) {
        waits.add(task);
      }
    }
    return waits;
  }

  private static boolean hasTimerBoundary(BpmnModelInstance model, FlowNode node) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .anyMatch(boundary -> boundary.getAttachedTo() == node && isTimer(boundary));
  }

  private static boolean isTimer(CatchEvent event) {
    return event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
  }
}
