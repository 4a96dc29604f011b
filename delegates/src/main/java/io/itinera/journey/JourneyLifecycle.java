package io.itinera.journey;

import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pauses, resumes and retires live journeys. A pause is our row (the router and every start read
 * it) plus, unless draining, the engine's suspension of the journey's runs: a suspended run's jobs
 * and timers are not executed and nothing can move it, until it is activated again. Both change in
 * one transaction. Retiring is only our row, never the engine's suspension of the definition: that
 * would suspend its job definitions too, and the runs on it would stop at their next timer.
 */
@Service
public class JourneyLifecycle {

  private final RuntimeService runtime;
  private final JourneyVersionLookup versions;
  private final JourneyPauses pauses;
  private final RetiredVersions retired;
  private final DeploymentGeneration deployments;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public JourneyLifecycle(RuntimeService runtime, JourneyVersionLookup versions, JourneyPauses pauses,
      RetiredVersions retired, DeploymentGeneration deployments, TransactionTemplate transaction, Clock clock) {
    this.runtime = runtime;
    this.versions = versions;
    this.pauses = pauses;
    this.retired = retired;
    this.deployments = deployments;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** No new entries; with {@link PauseMode#HOLD} the runs hold where they are, with {@link PauseMode#DRAIN} they go on. */
  public JourneyState pause(String journeyKey, PauseMode mode) {
    versions.all(journeyKey);
    return transaction.execute(status -> {
      pauses.pause(journeyKey, mode, clock.instant());
      var runs = runtime.updateProcessInstanceSuspensionState().byProcessDefinitionKey(journeyKey);
      if (mode == PauseMode.HOLD) {
        runs.suspend();
      } else {
        runs.activate(); // a held journey switched to draining lets its runs go on
      }
      return state(journeyKey);
    });
  }

  /** New entries again, and held runs go on: timers that came due while held fire at once. */
  public JourneyState resume(String journeyKey) {
    versions.all(journeyKey);
    return transaction.execute(status -> {
      if (pauses.resume(journeyKey)) {
        runtime.updateProcessInstanceSuspensionState().byProcessDefinitionKey(journeyKey).activate();
      }
      return state(journeyKey);
    });
  }

  public JourneyState state(String journeyKey) {
    var active = runtime.createProcessInstanceQuery().processDefinitionKey(journeyKey).count();
    var held = runtime.createProcessInstanceQuery().processDefinitionKey(journeyKey).suspended().count();
    return pauses.of(journeyKey)
        .map(pause -> new JourneyState(journeyKey,
            pause.mode() == PauseMode.HOLD ? JourneyState.Status.PAUSED : JourneyState.Status.DRAINING,
            pause.pausedAt(), active, held))
        .orElseGet(() -> new JourneyState(journeyKey, JourneyState.Status.RUNNING, null, active, held));
  }

  /**
   * The version takes no new entries; the router starts the latest version not retired instead. At
   * least one version must stay open: to stop all entries, pause the journey.
   */
  public void retire(String journeyKey, int version) {
    versions.version(journeyKey, version, "version");
    var retiredVersions = retired.of(journeyKey);
    // A version suspended in Cockpit takes no entries either: the catalogue starts only active versions.
    var open = versions.all(journeyKey).stream().filter(definition -> !definition.isSuspended())
        .map(definition -> definition.getVersion())
        .filter(candidate -> candidate != version && !retiredVersions.contains(candidate)).count();
    if (open == 0) {
      throw new JourneyChangeRefusedException("version", "version: version " + version + " is the last version of '"
          + journeyKey + "' that takes entries; to stop all entries, pause the journey");
    }
    retired.retire(journeyKey, version, clock.instant());
    // This node's router reads the versions again at once; other nodes within JourneyCatalog.REFRESH.
    deployments.advance();
  }
}
