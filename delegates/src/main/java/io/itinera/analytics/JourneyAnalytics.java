package io.itinera.analytics;

import io.itinera.outbox.MessageStatus;
import io.itinera.experiment.AbSplitDelegate;
import io.itinera.email.Outbox;
import io.itinera.journey.JourneyEnrolments;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.springframework.stereotype.Service;

/**
 * Journey statistics from aggregate queries only (the engine's activity statistics, our
 * enrolment and outbox tables), so a journey with 100,000 runs costs a handful of grouped
 * queries, not a walk over its runs. Counts add up over all deployed versions of the journey.
 */
@Service
public class JourneyAnalytics {

  private static final String SPLIT_STEP = "${abSplitDelegate}";

  private final RepositoryService repository;
  private final ManagementService management;
  private final HistoryService history;
  private final Outbox outbox;
  private final JourneyEnrolments enrolments;

  public JourneyAnalytics(RepositoryService repository, ManagementService management, HistoryService history,
      Outbox outbox, JourneyEnrolments enrolments) {
    this.repository = repository;
    this.management = management;
    this.history = history;
    this.outbox = outbox;
    this.enrolments = enrolments;
  }

  public List<JourneySummary> journeys() {
    return repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
        .orderByProcessDefinitionVersion().desc().list().stream()
        .collect(Collectors.groupingBy(ProcessDefinition::getKey, LinkedHashMap::new, Collectors.toList()))
        .values().stream()
        .map(versions -> new JourneySummary(versions.get(0).getKey(), versions.get(0).getName(),
            versions.get(0).getVersion(), versions.stream()
                .map(version -> new JourneySummary.Version(version.getVersion(), version.getId(), version.isSuspended()))
                .toList()))
        .toList();
  }

  public Optional<JourneyStats> stats(String journeyKey) {
    var versions = repository.createProcessDefinitionQuery().processDefinitionKey(journeyKey)
        .orderByProcessDefinitionVersion().desc().list();
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    var reached = new HashMap<String, Long>();
    var waiting = new HashMap<String, Long>();
    var failed = new HashMap<String, Long>();
    for (var version : versions) {
      var inside = new HashMap<String, Long>();
      history.createHistoricActivityStatisticsQuery(version.getId()).includeFinished().list().forEach(step -> {
        // finished counts canceled instances too (a wait left through the goal): adding canceled counted them twice
        reached.merge(step.getId(), step.getFinished(), Long::sum);
        inside.put(step.getId(), step.getInstances());
      });
      management.createActivityStatisticsQuery(version.getId()).includeIncidents().list().forEach(step -> {
        // A run held before an asynchronous step (its job not run yet, or failed) has no activity instance there yet.
        inside.merge(step.getId(), (long) step.getInstances(), Math::max);
        waiting.merge(step.getId(), (long) step.getInstances(), Long::sum);
        failed.merge(step.getId(), step.getIncidentStatistics().stream()
            .mapToLong(incidents -> incidents.getIncidentCount()).sum(), Long::sum);
      });
      inside.forEach((step, runs) -> reached.merge(step, runs, Long::sum));
    }
    var emails = outbox.statusByStep(journeyKey);
    var engagement = outbox.engagementByStep(journeyKey);
    var steps = FlowOrder.of(repository.getBpmnModelInstance(versions.get(0).getId())).stream()
        .map(node -> {
          var statuses = emails.getOrDefault(node.getId(), Map.of());
          var engaged = engagement.getOrDefault(node.getId(), Outbox.Engagement.NONE);
          return new JourneyStats.Step(node.getId(), node.getName(), node.getElementType().getTypeName(),
              reached.getOrDefault(node.getId(), 0L), waiting.getOrDefault(node.getId(), 0L),
              failed.getOrDefault(node.getId(), 0L), statuses.getOrDefault(MessageStatus.SKIPPED, 0L),
              statuses.getOrDefault(MessageStatus.SENT, 0L), engaged.opened(), engaged.clicked(), experimentOf(node));
        })
        .toList();
    return Optional.of(enrolmentTotals(journeyKey, versions.get(0).getName(), steps));
  }

  /** The experiment an A/B split step assigns variants in, or null for any other step. */
  private static String experimentOf(FlowNode node) {
    if (!(node instanceof ServiceTask task) || !SPLIT_STEP.equals(task.getCamundaDelegateExpression())
        || task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(input -> input.getCamundaName().equals(AbSplitDelegate.EXPERIMENT.name()))
        .map(input -> input.getTextContent().strip())
        .findFirst().orElse(null);
  }

  private JourneyStats enrolmentTotals(String journeyKey, String name, List<JourneyStats.Step> steps) {
    var byStatus = new LinkedHashMap<String, Long>();
    var revenue = new BigDecimal[] {BigDecimal.ZERO};
    enrolments.totalsByStatus(journeyKey).forEach(total -> {
      byStatus.put(total.status(), total.runs());
      revenue[0] = revenue[0].add(total.revenue());
    });
    var active = byStatus.getOrDefault("ACTIVE", 0L);
    var exits = new LinkedHashMap<String, Long>();
    byStatus.forEach((status, count) -> {
      if (!status.equals("ACTIVE")) {
        exits.put(status, count);
      }
    });
    var entries = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new JourneyStats(journeyKey, name, entries, active, exits, byStatus.getOrDefault("CONVERTED", 0L),
        revenue[0], steps);
  }
}
