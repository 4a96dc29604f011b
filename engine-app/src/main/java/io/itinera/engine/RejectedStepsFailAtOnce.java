package io.itinera.engine;

import io.itinera.journey.StepRejectedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * A step that throws {@link StepRejectedException} (a webhook answered 4xx, say) would fail the
 * same way on every retry: its job loses its remaining retries at once, which raises the incident
 * in Cockpit now instead of after the whole retry cycle. Any other failure is retried as usual.
 */
@Component
class RejectedStepsFailAtOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory((jobId, failure) -> rejected(failure)
        ? new NoMoreRetries(jobId, failure)
        : new DefaultJobRetryCmd(jobId, failure));
  }

  private static boolean rejected(Throwable failure) {
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StepRejectedException) {
        return true;
      }
    }
    return false;
  }

  /** Records the failure as usual, then takes the job's last retries away. */
  private static final class NoMoreRetries extends DefaultJobRetryCmd {

    NoMoreRetries(String jobId, Throwable failure) {
      super(jobId, failure);
    }

    @Override
    public Object execute(CommandContext context) {
      var result = super.execute(context);
      var job = context.getJobManager().findJobById(jobId);
      if (job != null && job.getRetries() > 0) {
        job.setRetries(0);
      }
      return result;
    }
  }
}
