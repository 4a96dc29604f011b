package io.itinera.experiment;

import io.itinera.experiment.ExperimentReport.VariantResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Works out an experiment's results from its assignments and the journey's goal conversions. The
 * rule for a winner: every variant has at least {@code itinera.experiment.min-participants}, and the
 * best variant converts better than the control significantly at 95% (two-proportion z-test,
 * Bonferroni-corrected when several variants are compared with the control). The holdout never wins.
 */
@Service
@EnableConfigurationProperties(ExperimentProperties.class)
public class ExperimentResults {

  private final Experiments experiments;
  private final ExperimentProperties properties;

  public ExperimentResults(Experiments experiments, ExperimentProperties properties) {
    this.experiments = experiments;
    this.properties = properties;
  }

  public Optional<ExperimentReport> of(String experiment) {
    return experiments.definition(experiment).map(definition ->
        report(experiment, definition, experiments.tally(experiment), properties.minParticipants()));
  }

  static ExperimentReport report(String experiment, Experiments.Definition definition, List<Experiments.Tally> tally,
      int minParticipants) {
    var tallies = tally.stream().collect(Collectors.toMap(Experiments.Tally::variant, Function.identity()));
    var control = definition.variants().control();
    var controlTally = tallies.getOrDefault(control, new Experiments.Tally(control, 0, 0, BigDecimal.ZERO));
    var names = new ArrayList<String>();
    definition.variants().all().forEach(variant -> names.add(variant.name()));
    if (definition.holdout() > 0 || tallies.containsKey(SplitAssignment.HOLDOUT)) {
      names.add(SplitAssignment.HOLDOUT);
    }
    // Each extra comparison with the control is another chance of a fluke: share the 5% among them.
    var significance = ProportionTest.SIGNIFICANCE / (definition.variants().all().size() - 1);
    var results = new ArrayList<VariantResult>();
    for (var name : names) {
      var result = tallies.getOrDefault(name, new Experiments.Tally(name, 0, 0, BigDecimal.ZERO));
      results.add(result(result, name.equals(control) ? null : controlTally, significance));
    }
    var verdict = verdict(results, control, minParticipants);
    return new ExperimentReport(experiment, definition.journeyKey(), control, List.copyOf(results), verdict.winner(),
        verdict.status());
  }

  private static VariantResult result(Experiments.Tally tally, Experiments.Tally control, double significance) {
    var rate = tally.participants() == 0 ? 0 : (double) tally.conversions() / tally.participants();
    if (control == null || control.participants() == 0 || tally.participants() == 0) {
      return new VariantResult(tally.variant(), tally.participants(), tally.conversions(), rate, tally.revenue(),
          null, null, null, false);
    }
    var test = ProportionTest.of(control.conversions(), control.participants(), tally.conversions(),
        tally.participants());
    return new VariantResult(tally.variant(), tally.participants(), tally.conversions(), rate, tally.revenue(),
        test.difference(), List.of(test.low(), test.high()), test.pValue(), test.pValue() < significance);
  }

  private static Verdict verdict(List<VariantResult> results, String control, int minParticipants) {
    var compared = results.stream().filter(result -> !result.variant().equals(SplitAssignment.HOLDOUT)).toList();
    var fewest = compared.stream().mapToLong(VariantResult::participants).min().orElse(0);
    if (fewest < minParticipants) {
      return new Verdict(null, "collecting data (" + fewest + " of " + minParticipants + " per variant)");
    }
    return compared.stream()
        .filter(result -> !result.variant().equals(control) && result.significant()
            && result.differenceToControl() > 0)
        .max(Comparator.comparingDouble(VariantResult::conversionRate))
        .map(best -> new Verdict(best.variant(), best.variant() + " beats the control significantly (95%)"))
        .orElse(new Verdict(null, "no variant beats the control significantly"));
  }

  private record Verdict(String winner, String status) {
  }
}
