package io.itinera.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExperimentResultsTest {

  private static final int MINIMUM = 100;
  private static final Experiments.Definition TWO_WAY =
      new Experiments.Definition("cart-abandonment", Variants.parse("control:50,discount:50"), 0);

  @Test
  void namesNoWinnerAfterOneParticipant() {
    var report = report(TWO_WAY, tally("discount", 1, 1));

    assertThat(report.winner()).isNull();
    assertThat(report.status()).isEqualTo("collecting data (0 of 100 per variant)");
  }

  @Test
  void namesNoWinnerWhileAVariantIsBelowTheMinimumHoweverClearItLooks() {
    var report = report(TWO_WAY, tally("control", 99, 0), tally("discount", 99, 60));

    assertThat(report.winner()).isNull();
    assertThat(report.status()).isEqualTo("collecting data (99 of 100 per variant)");
  }

  @Test
  void namesNoWinnerWhenNobodyConvertedInEitherVariant() {
    var report = report(TWO_WAY, tally("control", 100, 0), tally("discount", 100, 0));

    assertThat(report.winner()).isNull();
    assertThat(report.status()).isEqualTo("no variant beats the control significantly");
  }

  @Test
  void namesNoWinnerOnATie() {
    var report = report(TWO_WAY, tally("control", 500, 100), tally("discount", 500, 100));

    assertThat(report.winner()).isNull();
    assertThat(report.status()).isEqualTo("no variant beats the control significantly");
  }

  @Test
  void namesTheVariantThatBeatsTheControlSignificantly() {
    // 20% against 25% of 1,000 each: p = 0.0074 (see ProportionTestTest).
    var report = report(TWO_WAY, tally("control", 1000, 200), tally("discount", 1000, 250));

    assertThat(report.winner()).isEqualTo("discount");
    assertThat(report.status()).isEqualTo("discount beats the control significantly (95%)");
  }

  @Test
  void namesNoWinnerWhenOnlyTheControlIsSignificantlyBetter() {
    var report = report(TWO_WAY, tally("control", 1000, 250), tally("discount", 1000, 200));

    assertThat(report.winner()).isNull();
  }

  @Test
  void asksForStrongerEvidenceWhenSeveralVariantsAreComparedWithTheControl() {
    // 20% against 24%: p = 0.031, under 5% but above the 2.5% that each of two comparisons gets.
    var threeWay = new Experiments.Definition("cart-abandonment", Variants.parse("control:34,a:33,b:33"), 0);

    var report = report(threeWay, tally("control", 1000, 200), tally("a", 1000, 240), tally("b", 1000, 200));

    assertThat(report.variants()).filteredOn(result -> result.variant().equals("a")).singleElement()
        .satisfies(result -> assertThat(result.pValue()).isBetween(0.025, 0.05))
        .satisfies(result -> assertThat(result.significant()).isFalse());
    assertThat(report.winner()).isNull();
  }

  @Test
  void neverNamesTheHoldout() {
    var withHoldout = new Experiments.Definition("cart-abandonment", Variants.parse("control:50,discount:50"), 10);

    var report = report(withHoldout, tally("control", 1000, 200), tally("discount", 1000, 200),
        tally(SplitAssignment.HOLDOUT, 1000, 400));

    assertThat(report.winner()).isNull();
  }

  private static ExperimentReport report(Experiments.Definition definition, Experiments.Tally... tallies) {
    return ExperimentResults.report("offer", definition, Arrays.asList(tallies), MINIMUM);
  }

  private static Experiments.Tally tally(String variant, long participants, long conversions) {
    return new Experiments.Tally(variant, participants, conversions, BigDecimal.ZERO);
  }
}
