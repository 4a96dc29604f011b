package io.itinera.experiment;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The A/B split step: puts the run's contact into a variant of {@code experiment} by a
 * deterministic hash and the {@code variants} weights (optionally a {@code holdout} percent that
 * gets nothing), records the assignment, and writes the variant to {@code resultVariable} (default
 * {@code variant}) for the gateway after it. A contact entering again keeps its variant.
 */
@Component
public class AbSplitDelegate implements JavaDelegate, JourneyStep {

  private final Experiments experiments;
  private final Clock clock;

  public AbSplitDelegate(Experiments experiments, Clock clock) {
    this.experiments = experiments;
    this.clock = clock;
  }

  @Override
  public StepInputs inputs() {
    return StepInputs.of(Set.of("experiment", "variants"), Set.of("holdout", "resultVariable"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    var experiment = StepInputs.required(execution, "experiment");
    var variantsText = StepInputs.required(execution, "variants");
    var variants = Variants.parse(variantsText);
    var holdout = holdout(execution);
    var contactId = execution.getProcessBusinessKey();
    var journey = StepInputs.journeyKey(execution);
    var now = clock.instant();
    experiments.describe(experiment, journey, variantsText, holdout, now);
    var variant = experiments.variantOf(experiment, contactId).orElseGet(() -> {
      var chosen = SplitAssignment.variantOf(experiment, contactId, variants, holdout);
      experiments.assign(experiment, contactId, chosen, journey, execution.getProcessInstanceId(), now);
      return chosen;
    });
    var resultVariable = StepInputs.text(execution, "resultVariable");
    execution.setVariable(resultVariable == null ? "variant" : resultVariable, variant);
  }

  private static int holdout(DelegateExecution execution) {
    var value = execution.getVariableLocal("holdout") instanceof Number number
        ? String.valueOf(number.intValue()) : StepInputs.text(execution, "holdout");
    if (value == null) {
      return 0;
    }
    int percent;
    try {
      percent = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("holdout must be a whole percent, not '" + value + "'", e);
    }
    if (percent < 0 || percent > 50) {
      throw new IllegalArgumentException("holdout must be 0 to 50 percent, not " + percent);
    }
    return percent;
  }
}
