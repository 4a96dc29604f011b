package io.itinera.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running contacts of one journey version to another with Camunda's own process instance
 * migration. The run keeps its process instance id, its variables (the step pass counts among them)
 * and, unless asked to recompute them, its timers' due dates: an email step it already passed keeps
 * its idempotency key and is not sent again. The migration runs as a Camunda batch (its jobs live in
 * the database, survive restarts and show in Cockpit's batch view).
 */
@Service
public class JourneyMigrations {

  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final RepositoryService repository;
  private final JourneyVersionLookup versions;
  private final MigrationBatches batches;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public JourneyMigrations(RuntimeService runtime, ManagementService management, HistoryService history,
      RepositoryService repository, JourneyVersionLookup versions, MigrationBatches batches,
      TransactionTemplate transaction, Clock clock) {
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.repository = repository;
    this.versions = versions;
    this.batches = batches;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Changes nothing; throws {@link JourneyChangeRefusedException} for unknown versions or mapped steps. */
  public MigrationPreview preview(String journeyKey, MigrationRequest request) {
    return preview(plan(journeyKey, request));
  }

  /**
   * Starts the batch when the preview finds no problem; otherwise refuses with the preview's problems
   * under {@code mapping}, so that no run is left failing in a step its new version does not have.
   */
  public MigrationStarted start(String journeyKey, MigrationRequest request) {
    var planned = plan(journeyKey, request);
    var preview = preview(planned);
    if (!preview.executable()) {
      throw new JourneyChangeRefusedException("mapping", "mapping: the runs cannot move as asked: "
          + String.join("; ", preview.problems()));
    }
    if (preview.runs() == 0) {
      throw new JourneyChangeRefusedException("sourceVersion", "sourceVersion: version " + request.sourceVersion()
          + " of '" + journeyKey + "' has no active runs to move");
    }
    return transaction.execute(status -> {
      var batch = runtime.newMigration(planned.plan())
          .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(planned.source().getId()))
          .executeAsync();
      var started = new MigrationStarted(batch.getId(), journeyKey, request.sourceVersion(), request.targetVersion(),
          preview.runs());
      batches.record(started, clock.instant());
      return started;
    });
  }

  /**
   * The batch's progress while it runs (with each failed job's message), and its end from history once
   * done; empty when the batch is no migration of this journey.
   */
  public Optional<MigrationProgress> progress(String journeyKey, String batchId) {
    return batches.of(journeyKey, batchId).flatMap(this::progress);
  }

  private Optional<MigrationProgress> progress(MigrationStarted migration) {
    var batchId = migration.batchId();
    var running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      var failures = management.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId()).withException()
          .list().stream().map(job -> new MigrationProgress.Failure(job.getId(), job.getExceptionMessage())).toList();
      return Optional.of(new MigrationProgress(migration, MigrationProgress.Status.RUNNING, running.getTotalJobs(),
          running.getJobsCreated(), running.getCompletedJobs(), running.getRemainingJobs(), running.getFailedJobs(),
          failures, running.getStartTime().toInstant(), null));
    }
    // History keeps no outcome per job: a failed job that ops deleted in Cockpit counts as done here.
    return Optional.ofNullable(history.createHistoricBatchQuery().batchId(batchId).singleResult())
        .filter(done -> done.getEndTime() != null)
        .map(done -> new MigrationProgress(migration, MigrationProgress.Status.COMPLETED, done.getTotalJobs(),
            done.getTotalJobs(), done.getTotalJobs(), 0, 0, List.of(), done.getStartTime().toInstant(),
            done.getEndTime().toInstant()));
  }

  private Planned plan(String journeyKey, MigrationRequest request) {
    var source = versions.version(journeyKey, request.sourceVersion(), "sourceVersion");
    var target = versions.version(journeyKey, request.targetVersion(), "targetVersion");
    if (source.getVersion() == target.getVersion()) {
      throw new JourneyChangeRefusedException("targetVersion", "targetVersion: the runs are on version "
          + source.getVersion() + " already; name another version");
    }
    var sourceModel = repository.getBpmnModelInstance(source.getId());
    var targetModel = repository.getBpmnModelInstance(target.getId());
    request.mapping().forEach((from, to) -> {
      ensureStep(sourceModel, from, source, "mapping." + from);
      ensureStep(targetModel, to, target, "mapping." + from);
    });
    MigrationPlanBuilder builder = request.recomputeTimers()
        ? runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
        : runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
    for (var mapped : request.mapping().entrySet()) {
      var instruction = builder.mapActivities(mapped.getKey(), mapped.getValue());
      builder = request.recomputeTimers() ? instruction.updateEventTrigger() : instruction;
    }
    try {
      return new Planned(journeyKey, source, target, sourceModel, targetModel, builder.build(), List.of());
    } catch (MigrationPlanValidationException invalid) {
      var errors = new ArrayList<String>();
      invalid.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
          errors.add(report.getMigrationInstruction().getSourceActivityId() + " → "
              + report.getMigrationInstruction().getTargetActivityId() + ": " + failure)));
      invalid.getValidationReport().getVariableReports().forEach((variable, report) ->
          report.getFailures().forEach(failure -> errors.add("variable " + variable + ": " + failure)));
      return new Planned(journeyKey, source, target, sourceModel, targetModel, null, errors);
    }
  }

  private static void ensureStep(BpmnModelInstance model, String stepId, ProcessDefinition version, String field) {
    if (!(model.getModelElementById(stepId) instanceof FlowNode)) {
      throw new JourneyChangeRefusedException(field, field + ": version " + version.getVersion()
          + " has no step '" + stepId + "'");
    }
  }

  /**
   * Counted from the engine's activity statistics of the source version at the time of the call: runs
   * move on between a preview and a migration, and a run that reached an unmapped step meanwhile fails
   * its batch job and stays where it is (reported by {@link #progress}).
   */
  private MigrationPreview preview(Planned planned) {
    var steps = new ArrayList<MigrationPreview.StepMove>();
    for (var step : management.createActivityStatisticsQuery(planned.source().getId()).list()) {
      var name = name(planned.sourceModel(), step.getId());
      if (planned.plan() == null) {
        steps.add(new MigrationPreview.StepMove(step.getId(), name, step.getInstances(), null, null, null));
        continue;
      }
      var to = planned.plan().getInstructions().stream()
          .filter(instruction -> instruction.getSourceActivityId().equals(step.getId()))
          .map(MigrationInstruction::getTargetActivityId).findFirst();
      steps.add(new MigrationPreview.StepMove(step.getId(), name, step.getInstances(), to.orElse(null),
          to.map(target -> name(planned.targetModel(), target)).orElse(null),
          to.isPresent() ? null : "step " + step.getId() + " '" + name + "': " + step.getInstances()
              + " runs wait here and version " + planned.target().getVersion()
              + " has no step of this id and type; map it to a step of version " + planned.target().getVersion()
              + " in 'mapping'"));
    }
    var runs = runtime.createProcessInstanceQuery().processDefinitionId(planned.source().getId()).count();
    return MigrationPreview.of(planned.journeyKey(), planned.source().getVersion(), planned.target().getVersion(),
        runs, steps, planned.planErrors());
  }

  private static String name(BpmnModelInstance model, String stepId) {
    return model.getModelElementById(stepId) instanceof FlowNode node ? node.getName() : null;
  }

  /** A migration plan, or the engine's objections to it, between two versions. */
  private record Planned(String journeyKey, ProcessDefinition source, ProcessDefinition target,
      BpmnModelInstance sourceModel, BpmnModelInstance targetModel, MigrationPlan plan, List<String> planErrors) {
  }
}
