package io.itinera.analytics;

import io.itinera.email.MessageStatus;
import io.itinera.email.Outbox;
import io.itinera.journey.JourneyEnrolments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.stereotype.Service;

/**
 * Journey statistics from aggregate queries only (the engine's activity statistics, our
 * enrolment and outbox tables), so a journey with 100,000 runs costs a handful of grouped
 * queries, not a walk over its runs. Counts add up over all deployed versions of the journey.
 */
@Service
public class JourneyAnalytics {

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
      history.createHistoricActivityStatisticsQuery(version.getId()).includeFinished().includeCanceled().list()
          .forEach(step -> reached.merge(step.getId(), step.getInstances() + step.getFinished() + step.getCanceled(),
              Long::sum));
      management.createActivityStatisticsQuery(version.getId()).includeIncidents().list().forEach(step -> {
        waiting.merge(step.getId(), (long) step.getInstances(), Long::sum);
        failed.merge(step.getId(), step.getIncidentStatistics().stream()
            .mapToLong(incidents -> incidents.getIncidentCount()).sum(), Long::sum);
      });
    }
    var emails = outbox.statusByStep(journeyKey);
    var steps = new ArrayList<JourneyStats.Step>();
    repository.getBpmnModelInstance(versions.get(0).getId()).getModelElementsByType(FlowNode.class).forEach(node ->
        steps.add(new JourneyStats.Step(node.getId(), node.getName(), node.getElementType().getTypeName(),
            reached.getOrDefault(node.getId(), 0L), waiting.getOrDefault(node.getId(), 0L),
            failed.getOrDefault(node.getId(), 0L),
            emails.getOrDefault(node.getId(), Map.of()).getOrDefault(MessageStatus.SKIPPED, 0L))));
    steps.sort(Comparator.comparingLong(JourneyStats.Step::reached).reversed());
    return Optional.of(enrolmentTotals(journeyKey, versions.get(0).getName(), steps));
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
