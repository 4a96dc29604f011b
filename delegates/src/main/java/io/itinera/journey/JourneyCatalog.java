package io.itinera.journey;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The deployed journeys as the router sees them, read from their BPMN. A deployed version never
 * changes, so each is read once. Which versions are the latest is looked up again after a
 * deployment on this node, and at least every {@link #REFRESH} for deployments made on others,
 * rather than once per event.
 */
@Component
public class JourneyCatalog {

  static final Duration REFRESH = Duration.ofSeconds(10);

  private final RepositoryService repository;
  private final DeploymentGeneration deployments;
  private final RetiredVersions retired;
  private final Map<String, JourneyDefinition> byProcessDefinitionId = new ConcurrentHashMap<>();
  private volatile Latest latest = new Latest(List.of(), Long.MIN_VALUE, -1);

  /** The latest active version of every journey, when that was looked up (System.nanoTime), and after which deployment. */
  private record Latest(List<JourneyDefinition> journeys, long readAt, long generation) {
  }

  public JourneyCatalog(RepositoryService repository, DeploymentGeneration deployments, RetiredVersions retired) {
    this.repository = repository;
    this.deployments = deployments;
    this.retired = retired;
  }

  /**
   * The journeys a message of this name starts: of each journey, the latest active version that ops
   * did not retire, when it has such a start event.
   */
  public List<JourneyDefinition> startedBy(String messageName) {
    return latest().stream().filter(journey -> journey.messageStart(messageName).isPresent()).toList();
  }

  /** The latest active versions of all journeys that have a conditional start event. */
  public List<JourneyDefinition> withConditionalStart() {
    return latest().stream().filter(journey -> !journey.conditionalStarts().isEmpty()).toList();
  }

  private List<JourneyDefinition> latest() {
    var current = latest;
    if (current.generation() == deployments.current() && System.nanoTime() - current.readAt() < REFRESH.toNanos()) {
      return current.journeys();
    }
    var generation = deployments.current();
    var readAt = System.nanoTime();
    var retiredVersions = retired.all();
    var journeys = repository.createProcessDefinitionQuery().latestVersion().active().list().stream()
        .map(latestVersion -> retiredVersions.containsKey(latestVersion.getKey())
            ? latestNotRetired(latestVersion.getKey(), retiredVersions.get(latestVersion.getKey()))
            : Optional.of(latestVersion))
        .flatMap(Optional::stream)
        .map(this::describe).toList();
    latest = new Latest(journeys, readAt, generation);
    return journeys;
  }

  /** Rare (a version is retired when a deployment went wrong), so the versions are read only for such a journey. */
  private Optional<ProcessDefinition> latestNotRetired(String journeyKey, Set<Integer> retiredVersions) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(journeyKey).active()
        .orderByProcessDefinitionVersion().desc().list().stream()
        .filter(version -> !retiredVersions.contains(version.getVersion()))
        .findFirst();
  }

  public JourneyDefinition describe(String processDefinitionId) {
    return byProcessDefinitionId.computeIfAbsent(processDefinitionId,
        id -> read(repository.getProcessDefinition(id), repository.getBpmnModelInstance(id)));
  }

  private JourneyDefinition describe(ProcessDefinition definition) {
    return byProcessDefinitionId.computeIfAbsent(definition.getId(),
        id -> read(definition, repository.getBpmnModelInstance(id)));
  }

  private static JourneyDefinition read(ProcessDefinition definition, BpmnModelInstance model) {
    var process = model.getModelElementById(definition.getKey());
    if (!(process instanceof Process)) {
      throw new IllegalStateException("No process '" + definition.getKey() + "' in its own BPMN");
    }
    var starts = process.getChildElementsByType(StartEvent.class).stream()
        .map(start -> new JourneyDefinition.Start(start.getId(), messageName(start), condition(start),
            start.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance), rules(start)))
        .toList();
    var goalsBySubProcess = new HashMap<String, String>();
    var goalsByStart = new HashMap<String, String>();
    for (var subProcess : model.getModelElementsByType(SubProcess.class)) {
      if (!subProcess.triggeredByEvent()) {
        continue;
      }
      subProcess.getChildElementsByType(StartEvent.class).stream()
          .filter(StartEvent::isInterrupting)
          .filter(start -> messageName(start) != null)
          .findFirst()
          .ifPresent(start -> {
            goalsBySubProcess.put(subProcess.getId(), messageName(start));
            goalsByStart.put(start.getId(), messageName(start));
          });
    }
    return new JourneyDefinition(definition.getId(), definition.getKey(), definition.getVersion(), starts, Map.copyOf(goalsBySubProcess),
        Map.copyOf(goalsByStart));
  }

  private static String messageName(StartEvent start) {
    return start.getEventDefinitions().stream()
        .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
        .map(MessageEventDefinition::getMessage)
        .filter(message -> message != null)
        .map(message -> message.getName())
        .findFirst().orElse(null);
  }

  private static String condition(StartEvent start) {
    return start.getEventDefinitions().stream()
        .filter(ConditionalEventDefinition.class::isInstance).map(ConditionalEventDefinition.class::cast)
        .map(definition -> definition.getCondition().getTextContent().strip())
        .findFirst().orElse(null);
  }

  private static EntryRules rules(StartEvent start) {
    var properties = new HashMap<String, String>();
    if (start.getExtensionElements() != null) {
      start.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(list -> list.getCamundaProperties().stream())
          .forEach((CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue()));
    }
    try {
      return EntryRules.from(properties);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Start event " + start.getId() + ": " + e.getMessage(), e);
    }
  }
}
