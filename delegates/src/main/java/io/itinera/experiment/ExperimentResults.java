package io.itinera.experiment;

import io.itinera.experiment.ExperimentReport.VariantResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Works out an experiment's results from its assignments and the journey's goal conversions. */
@Service
public class ExperimentResults {

  private final Experiments experiments;

  public ExperimentResults(Experiments experiments) {
    this.experiments = experiments;
  }

  public Optional<ExperimentReport> of(String experiment) {
    return experiments.definition(experiment).map(definition -> report(experiment, definition));
  }

  private ExperimentReport report(String experiment, Experiments.Definition definition) {
    var tallies = experiments.tally(experiment).stream()
        .collect(Collectors.toMap(Experiments.Tally::variant, Function.identity()));
    var control = definition.variants().control();
    var controlTally = tallies.getOrDefault(control, new Experiments.Tally(control, 0, 0, BigDecimal.ZERO));
    var names = new ArrayList<String>();
    definition.variants().all().forEach(variant -> names.add(variant.name()));
    if (definition.holdout() > 0 || tallies.containsKey(SplitAssignment.HOLDOUT)) {
      names.add(SplitAssignment.HOLDOUT);
    }
    var results = new ArrayList<VariantResult>();
    for (var name : names) {
      var tally = tallies.getOrDefault(name, new Experiments.Tally(name, 0, 0, BigDecimal.ZERO));
      results.add(result(tally, name.equals(control) ? null : controlTally));
    }
    return new ExperimentReport(experiment, definition.journeyKey(), control, List.copyOf(results), winner(results,
        control));
  }

  private static VariantResult result(Experiments.Tally tally, Experiments.Tally control) {
    var rate = tally.participants() == 0 ? 0 : (double) tally.conversions() / tally.participants();
    if (control == null || control.participants() == 0 || tally.participants() == 0) {
      return new VariantResult(tally.variant(), tally.participants(), tally.conversions(), rate, tally.revenue(),
          null, null, null, false);
    }
    var test = ProportionTest.of(control.conversions(), control.participants(), tally.conversions(),
        tally.participants());
    return new VariantResult(tally.variant(), tally.participants(), tally.conversions(), rate, tally.revenue(),
        test.difference(), List.of(test.low(), test.high()), test.pValue(), test.significant());
  }

  /** The best-converting variant; significant only if it beats the control at 95%. The holdout never wins. */
  private static ExperimentReport.Winner winner(List<VariantResult> results, String control) {
    var candidates = results.stream().filter(result -> !result.variant().equals(SplitAssignment.HOLDOUT)).toList();
    var best = candidates.stream().max(Comparator.comparingDouble(VariantResult::conversionRate)).orElseThrow();
    var beatsControl = !best.variant().equals(control) && best.significant() && best.differenceToControl() > 0;
    return new ExperimentReport.Winner(best.variant(), beatsControl);
  }
}
