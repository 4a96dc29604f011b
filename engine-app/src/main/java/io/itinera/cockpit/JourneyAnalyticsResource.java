package io.itinera.cockpit;

import io.itinera.analytics.JourneyAnalytics;
import io.itinera.analytics.JourneyStats;
import io.itinera.experiment.ExperimentReport;
import io.itinera.experiment.ExperimentResults;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * One journey as Cockpit shows it: the same statistics as {@code GET /api/journeys/{key}/stats},
 * and the results of the experiments its A/B split steps run. The process definition is read as the
 * Cockpit user, so the engine's authorizations apply when they are enabled.
 */
public class JourneyAnalyticsResource extends AbstractCockpitPluginResource {

  private final String processDefinitionId;
  private final JourneyAnalytics analytics;
  private final ExperimentResults experiments;

  JourneyAnalyticsResource(String engineName, String processDefinitionId, JourneyAnalytics analytics,
      ExperimentResults experiments) {
    super(engineName);
    this.processDefinitionId = processDefinitionId;
    this.analytics = analytics;
    this.experiments = experiments;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public CockpitJourney journey() {
    var key = getProcessEngine().getRepositoryService().getProcessDefinition(processDefinitionId).getKey();
    var stats = analytics.stats(key).orElseThrow(() -> new NotFoundException("There is no journey '" + key + "'"));
    var reports = new LinkedHashMap<String, ExperimentReport>();
    stats.steps().stream().map(JourneyStats.Step::experiment).filter(Objects::nonNull).distinct()
        .forEach(name -> experiments.of(name).ifPresent(report -> reports.put(name, report)));
    return new CockpitJourney(stats, reports);
  }

  /** The journey's statistics and, by experiment name, the results of those that have participants. */
  public record CockpitJourney(JourneyStats stats, Map<String, ExperimentReport> experiments) {
  }
}
