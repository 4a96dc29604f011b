package io.itinera.engine;

import io.itinera.journey.StepRejectedException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ScriptEvaluationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.springframework.stereotype.Component;

/**
 * A failure that would happen the same way on every retry takes the job's remaining retries away
 * at once, which raises the incident in Cockpit now instead of after the whole retry cycle: a step
 * that throws {@link StepRejectedException} (a webhook answered 4xx, a missing input or template),
 * an expression the evaluator itself refuses (unknown property or method, a value of the wrong type)
 * or a failing script. Everything else (SMTP down, 5xx, timeouts, optimistic locking) is retried.
 */
@Component
class RejectedStepsFailAtOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory((jobId, failure) -> cannotBeFixedByRetrying(failure)
        ? new NoMoreRetries(jobId, failure)
        : new DefaultJobRetryCmd(jobId, failure));
  }

  static boolean cannotBeFixedByRetrying(Throwable failure) {
    var cause = failure;
    while (true) {
      if (cause instanceof StepRejectedException || cause instanceof ScriptEvaluationException) {
        return true;
      }
      if (cause.getCause() == null || cause.getCause() == cause) {
        // An ELException at the root is the evaluator's own complaint; one wrapping a database or
        // network failure that a resolver hit is not, and is retried.
        return cause instanceof ELException;
      }
      cause = cause.getCause();
    }
  }

  /** Records the failure as usual, named after its step when it does not say where it is, then takes the job's last retries away. */
  private static final class NoMoreRetries extends DefaultJobRetryCmd {

    NoMoreRetries(String jobId, Throwable failure) {
      super(jobId, failure);
    }

    @Override
    public Object execute(CommandContext context) {
      nameTheStep(context);
      var result = super.execute(context);
      var job = context.getJobManager().findJobById(jobId);
      if (job != null && job.getRetries() > 0) {
        job.setRetries(0);
      }
      return result;
    }

    /** An expression's own message names the expression but not the step it sits in, which is what Cockpit's reader needs. */
    private void nameTheStep(CommandContext context) {
      var message = String.valueOf(exception.getMessage());
      if (message.startsWith("Step '") || message.startsWith("Gateway '")) {
        return;
      }
      var job = getJob();
      var step = job == null ? null : getCurrentActivity(context, job);
      if (step != null) {
        exception = new ProcessEngineException(
            "Step '" + step.getProperty("name") + "' (" + step.getId() + "): " + message, exception);
      }
    }
  }
}
