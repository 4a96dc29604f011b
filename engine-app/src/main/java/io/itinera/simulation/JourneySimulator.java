package io.itinera.simulation;

import io.itinera.check.JourneyCheck;
import io.itinera.check.UnreadableJourneyException;
import io.itinera.contact.EngagementProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Service;

/**
 * Tries a journey on a synthetic contact: the deployed journey's latest version, or a BPMN file not
 * deployed yet, which must pass the journey check first. The real engine is only read (which BPMN
 * a journey has); the run happens in a {@link SimulationWorlds simulation world}.
 */
@Service
public class JourneySimulator {

  private final RepositoryService repository;
  private final SimulationWorlds worlds;
  private final JourneyCheck check;
  private final EngagementProperties engagement;

  JourneySimulator(RepositoryService repository, SimulationWorlds worlds, JourneyCheck check,
      EngagementProperties engagement) {
    this.repository = repository;
    this.worlds = worlds;
    this.check = check;
    this.engagement = engagement;
  }

  /** The deployed journey, latest version. */
  public SimulationResult simulate(String journeyKey, SimulationPlan plan, boolean html) {
    var deployed = latest(journeyKey);
    return simulate(journeyKey, deployed.version(), deployed.bpmn(), plan, html);
  }

  /**
   * Many contacts through the deployed journey's latest version, side by side in the simulation
   * worlds, the journey deployed once per world. {@code checked} holds every scripted event any of
   * the {@code plans} may have and is checked once for all; each plan names its contact. Answers in
   * plan order, without HTML.
   */
  public List<SimulationResult> simulateEach(String journeyKey, SimulationPlan checked, List<SimulationPlan> plans) {
    var deployed = latest(journeyKey);
    checkTimes(checked);
    checkEventTypes(deployed.bpmn(), checked);
    return worlds.inEachWorld(plans.size(), runner -> {
      var definitionId = runner.deploy(journeyKey, deployed.bpmn());
      return index -> runner.outline(definitionId, deployed.version(), plans.get(index).contactOrDefault().id(),
          plans.get(index));
    });
  }

  private Deployed latest(String journeyKey) {
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(journeyKey).latestVersion()
        .singleResult();
    if (definition == null) {
      throw new SimulationRefusedException("journey", "there is no deployed journey '" + journeyKey + "'");
    }
    try (var resource = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return new Deployed(definition.getVersion(), resource.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Deployed(int version, byte[] bpmn) {
  }

  /** A journey's BPMN file that is not deployed (version 0 in the answer). */
  public SimulationResult simulate(byte[] bpmn, SimulationPlan plan, boolean html) {
    try {
      var findings = check.examine(new ByteArrayInputStream(bpmn));
      if (!findings.errors().isEmpty()) {
        throw new SimulationRefusedException("bpmn", "the journey does not pass the journey check: "
            + findings.errors().get(0) + (findings.errors().size() > 1
            ? " (and " + (findings.errors().size() - 1) + " more; POST it to /api/journeys/validate)" : ""));
      }
    } catch (UnreadableJourneyException e) {
      throw new SimulationRefusedException("bpmn", e.getMessage());
    }
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    var key = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
        .map(Process::getId).findFirst()
        .orElseThrow(() -> new SimulationRefusedException("bpmn", "the file has no executable process"));
    return simulate(key, 0, bpmn, plan, html);
  }

  private SimulationResult simulate(String key, int version, byte[] bpmn, SimulationPlan plan, boolean html) {
    checkTimes(plan);
    checkEventTypes(bpmn, plan);
    var contactId = plan.contactOrDefault().id() != null ? plan.contactOrDefault().id()
        : "simulated-" + (plan.seed() == null ? 1 : plan.seed());
    return worlds.inAWorld(runner -> runner.run(runner.deploy(key, bpmn), version, contactId, plan, Detail.timeline(html)));
  }

  private static void checkTimes(SimulationPlan plan) {
    if (plan.start() != null
        && (plan.start().isBefore(SimulationPlan.EARLIEST_START) || plan.start().isAfter(SimulationPlan.LATEST_START))) {
      throw new SimulationRefusedException("start", "must be between " + SimulationPlan.EARLIEST_START + " and "
          + SimulationPlan.LATEST_START + ", not " + plan.start());
    }
    var horizon = plan.horizonOrDefault();
    if (horizon.isNegative() || horizon.isZero() || horizon.compareTo(SimulationPlan.MAX_HORIZON) > 0) {
      throw new SimulationRefusedException("horizon", "must be a duration above zero and at most "
          + SimulationPlan.MAX_HORIZON.toDays() + " days (P" + SimulationPlan.MAX_HORIZON.toDays() + "D), not " + horizon);
    }
    for (int i = 0; i < plan.script().size(); i++) {
      var after = plan.script().get(i).after();
      if (after.isNegative() || after.compareTo(horizon) > 0) {
        throw new SimulationRefusedException("events[" + i + "].after", "must be between PT0S and the horizon "
            + horizon + ", not " + after);
      }
    }
    var history = plan.contactOrDefault().history();
    for (int i = 0; i < history.size(); i++) {
      PastEvent.checkAgo("contact.pastEvents[" + i + "].ago", history.get(i).ago());
    }
  }

  /**
   * A scripted event must be one the journey listens to or one that moves the engagement score:
   * anything else is most likely a typo (email_openned) that would silently change nothing.
   */
  private void checkEventTypes(byte[] bpmn, SimulationPlan plan) {
    if (plan.script().isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>(engagement.weights().keySet());
    known.addAll(engagement.engagementEvents());
    try {
      Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)).getModelElementsByType(Message.class)
          .forEach(message -> known.add(message.getName()));
    } catch (ModelException e) {
      throw new SimulationRefusedException("bpmn", "cannot be read as BPMN: " + e.getMessage());
    }
    for (int i = 0; i < plan.script().size(); i++) {
      var type = plan.script().get(i).type();
      if (!known.contains(type)) {
        throw new SimulationRefusedException("events[" + i + "].type", "the journey does not wait for '" + type
            + "' and it does not count for engagement; known event types: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }
}
