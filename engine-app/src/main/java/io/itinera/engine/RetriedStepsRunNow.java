package io.itinera.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Resolving a failed step's incident (Cockpit's retry, {@code PUT /engine-rest/job/{id}/retries})
 * runs the step now. Camunda leaves the job due at its retry cycle's last interval (hours for a
 * step that retries slowly), so the journey would not go on although ops just fixed the cause. A
 * due date the caller sets explicitly still wins: the engine applies it after this handler.
 */
@Component
class RetriedStepsRunNow extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomIncidentHandlers(
        EngineLists.<IncidentHandler>plus(configuration.getCustomIncidentHandlers(), new FailedJobIncidents()));
  }

  /** Camunda's own failed-job handling, plus: a resolved incident's job is due at once. */
  private static final class FailedJobIncidents extends DefaultIncidentHandler {

    FailedJobIncidents() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    /**
     * Camunda also calls this for every job that ends well, with no incident to resolve. A job whose
     * retries are set was loaded by that command already, so it is taken from the command's cache: no
     * query per finished job, and a job being deleted is left alone.
     */
    @Override
    public void resolveIncident(IncidentContext context) {
      super.resolveIncident(context);
      var entities = Context.getCommandContext().getDbEntityManager();
      var job = entities.getCachedEntity(JobEntity.class, context.getConfiguration());
      if (job != null && !entities.isDeleted(job)) {
        job.setDuedate(ClockUtil.getCurrentTime());
      }
    }
  }
}
