package io.itinera.simulation;

import io.itinera.journey.DeploymentGeneration;
import io.itinera.journey.JourneyCatalog;
import io.itinera.journey.JourneyDefinition;
import io.itinera.journey.RetiredVersions;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The router's catalogue in a simulation world: only the journey version under simulation starts,
 * however many other journeys (or other versions of it) the world holds.
 */
final class SimulatedJourneyCatalog extends JourneyCatalog {

  private volatile String simulated;

  SimulatedJourneyCatalog(RepositoryService repository, DeploymentGeneration deployments, RetiredVersions retired) {
    super(repository, deployments, retired);
  }

  void simulate(String processDefinitionId) {
    simulated = processDefinitionId;
  }

  @Override
  public List<JourneyDefinition> startedBy(String messageName) {
    return simulated().stream().filter(journey -> journey.messageStart(messageName).isPresent()).toList();
  }

  @Override
  public List<JourneyDefinition> withConditionalStart() {
    return simulated().stream().filter(journey -> !journey.conditionalStarts().isEmpty()).toList();
  }

  private List<JourneyDefinition> simulated() {
    return simulated == null ? List.of() : List.of(describe(simulated));
  }
}
