package io.itinera.analytics;

import io.itinera.journey.JourneyLifecycle;
import io.itinera.journey.JourneyVersionLookup;
import io.itinera.journey.RetiredVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;

/**
 * Who is where in each version of a journey, and what each version changed: from the engine's
 * repository, its activity statistics (one grouped query per version) and the two versions' BPMN.
 */
@Service
public class JourneyVersions {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final JourneyVersionLookup lookup;
  private final RetiredVersions retired;
  private final JourneyLifecycle lifecycle;

  public JourneyVersions(RepositoryService repository, RuntimeService runtime, ManagementService management,
      JourneyVersionLookup lookup, RetiredVersions retired, JourneyLifecycle lifecycle) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.lookup = lookup;
    this.retired = retired;
    this.lifecycle = lifecycle;
  }

  /** Throws {@code UnknownJourneyException} for a journey that was never deployed. */
  public JourneyVersionList of(String journeyKey) {
    var definitions = lookup.all(journeyKey);
    var retiredVersions = retired.of(journeyKey);
    var takingEntries = definitions.stream().filter(definition -> !definition.isSuspended())
        .filter(definition -> !retiredVersions.contains(definition.getVersion()))
        .max(Comparator.comparingInt(ProcessDefinition::getVersion)).map(ProcessDefinition::getVersion).orElse(-1);
    var versions = new ArrayList<JourneyVersionList.Version>();
    for (int index = 0; index < definitions.size(); index++) {
      var definition = definitions.get(index);
      var previous = index + 1 < definitions.size() ? definitions.get(index + 1) : null;
      var model = repository.getBpmnModelInstance(definition.getId());
      var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
      versions.add(new JourneyVersionList.Version(definition.getVersion(), definition.getId(),
          definition.getVersionTag(), deployment.getDeploymentTime().toInstant(), deployment.getName(),
          deployment.getSource(), definition.getVersion() == takingEntries,
          retiredVersions.contains(definition.getVersion()),
          runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
          stepRuns(definition.getId(), FlowOrder.of(model)),
          previous == null ? List.of() : StepChanges.between(repository.getBpmnModelInstance(previous.getId()), model)));
    }
    return new JourneyVersionList(journeyKey, lifecycle.state(journeyKey), versions);
  }

  /** The steps with runs in them, in flow order. */
  private List<JourneyVersionList.StepRuns> stepRuns(String processDefinitionId, List<FlowNode> flowOrder) {
    var runs = management.createActivityStatisticsQuery(processDefinitionId).list();
    return flowOrder.stream()
        .flatMap(node -> runs.stream().filter(step -> step.getId().equals(node.getId()))
            .map(ActivityStatistics::getInstances)
            .map(count -> new JourneyVersionList.StepRuns(node.getId(), node.getName(), count)))
        .toList();
  }
}
