package io.itinera.analytics;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * A journey's steps in the order a run meets them: breadth-first along the sequence flows from the
 * start event, a boundary event after its step, a subprocess's steps after the subprocess, event
 * subprocesses (goals, exits) after the main flow, and anything unreachable last, as drawn.
 */
final class FlowOrder {

  private final Collection<BoundaryEvent> boundaryEvents;
  private final LinkedHashSet<FlowNode> ordered = new LinkedHashSet<>();

  private FlowOrder(BpmnModelInstance model) {
    this.boundaryEvents = model.getModelElementsByType(BoundaryEvent.class);
  }

  static List<FlowNode> of(BpmnModelInstance model) {
    var order = new FlowOrder(model);
    model.getModelElementsByType(Process.class).forEach(process -> order.scope(process.getFlowElements()));
    return List.copyOf(order.ordered);
  }

  private void scope(Collection<FlowElement> elements) {
    var nodes = elements.stream().filter(FlowNode.class::isInstance).map(FlowNode.class::cast).toList();
    follow(nodes.stream().filter(StartEvent.class::isInstance).toList());
    nodes.stream().filter(SubProcess.class::isInstance).map(SubProcess.class::cast)
        .filter(SubProcess::triggeredByEvent).forEach(eventSubProcess -> follow(List.of(eventSubProcess)));
    follow(nodes);
  }

  private void follow(List<? extends FlowNode> starts) {
    var queue = new ArrayDeque<FlowNode>(starts);
    while (!queue.isEmpty()) {
      var node = queue.poll();
      if (!ordered.add(node)) {
        continue;
      }
      if (node instanceof SubProcess subProcess) {
        scope(subProcess.getFlowElements());
      }
      boundaryEvents.stream().filter(boundary -> node.equals(boundary.getAttachedTo())).forEach(queue::add);
      queue.addAll(node.getSucceedingNodes().list());
    }
  }
}
