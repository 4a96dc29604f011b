package io.itinera.experiment;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The A/B split step: puts the run's contact into a variant of {@code experiment} by a
 * deterministic hash and the {@code variants} weights (optionally a {@code holdout} percent that
 * gets nothing), records the assignment, and writes the variant to {@code resultVariable} (default
 * {@link JourneyVariables#VARIANT}) for the gateway after it. A contact entering again keeps its variant.
 */
@Component
public class AbSplitDelegate implements JavaDelegate, JourneyStep {

  public static final StepInput<String> EXPERIMENT = StepInput.required("experiment");
  public static final StepInput<String> VARIANTS = StepInput.required("variants");
  private static final StepInput<Integer> HOLDOUT = StepInput.integer("holdout").otherwise(0);
  private static final StepInput<String> RESULT_VARIABLE = StepInput.optional("resultVariable")
      .otherwise(JourneyVariables.VARIANT.name());
  private static final StepInputs INPUTS = StepInputs.of(List.of(EXPERIMENT, VARIANTS, HOLDOUT, RESULT_VARIABLE));

  private final Experiments experiments;
  private final Clock clock;

  public AbSplitDelegate(Experiments experiments, Clock clock) {
    this.experiments = experiments;
    this.clock = clock;
  }

  @Override
  public StepInputs inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var experiment = EXPERIMENT.from(execution);
    var variantsText = VARIANTS.from(execution);
    var variants = variants(execution, variantsText);
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
    JourneyVariables.VARIANT.renamed(RESULT_VARIABLE.from(execution)).set(execution, variant);
  }

  private static Variants variants(DelegateExecution execution, String text) {
    try {
      return Variants.parse(text);
    } catch (IllegalArgumentException unusable) {
      throw VARIANTS.invalid(execution, "is not usable: " + unusable.getMessage());
    }
  }

  private static int holdout(DelegateExecution execution) {
    int percent = HOLDOUT.from(execution);
    if (percent < 0 || percent > 50) {
      throw HOLDOUT.invalid(execution, "must be 0 to 50 percent, not " + percent);
    }
    return percent;
  }
}
