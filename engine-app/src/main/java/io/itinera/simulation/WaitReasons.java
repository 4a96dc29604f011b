package io.itinera.simulation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/** Why a run waits at a step, in the words of the journey's BPMN: its timer or its condition. */
final class WaitReasons {

  private final RepositoryService repository;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  WaitReasons(RepositoryService repository) {
    this.repository = repository;
  }

  String name(String processDefinitionId, String activityId) {
    return element(processDefinitionId, activityId) instanceof FlowElement element ? element.getName() : null;
  }

  String timer(String processDefinitionId, String activityId, String zone) {
    var element = element(processDefinitionId, activityId);
    var timer = element == null ? null
        : element.getChildElementsByType(TimerEventDefinition.class).stream().findFirst().orElse(null);
    if (timer == null) {
      return "timer";
    }
    var limit = element instanceof StartEvent && element.getParentElement() instanceof SubProcess;
    if (timer.getTimeDuration() != null) {
      return (limit ? "time limit " : "timer ") + timer.getTimeDuration().getTextContent().strip();
    }
    if (timer.getTimeCycle() != null) {
      return "timer cycle " + timer.getTimeCycle().getTextContent().strip();
    }
    var date = timer.getTimeDate() == null ? "" : timer.getTimeDate().getTextContent().strip();
    return date.contains("sendWindow.") ? "send window " + date + " in the contact's zone " + zone : "until " + date;
  }

  String event(String processDefinitionId, String activityId, String eventType, String eventName, boolean goal) {
    if ("conditional".equals(eventType)) {
      var element = element(processDefinitionId, activityId);
      var condition = element == null ? null : element.getChildElementsByType(ConditionalEventDefinition.class)
          .stream().findFirst().map(definition -> definition.getCondition().getTextContent().strip()).orElse(null);
      return "until " + condition + " holds";
    }
    return goal ? "goal: the event " + eventName + " ends the run" : "waiting for the event " + eventName;
  }

  private org.camunda.bpm.model.xml.instance.ModelElementInstance element(String processDefinitionId, String activityId) {
    return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance).getModelElementById(activityId);
  }
}
