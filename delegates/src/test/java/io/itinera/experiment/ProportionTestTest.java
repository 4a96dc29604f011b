package io.itinera.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTestTest {

  /**
   * Worked by hand: control 200 of 1,000 (20%), variant 250 of 1,000 (25%). Pooled rate 0.225,
   * pooled SE sqrt(0.225 * 0.775 * 0.002) = 0.018675, z = 0.05 / 0.018675 = 2.6774, two-sided
   * p = 0.00742. Unpooled SE sqrt(0.16/1000 + 0.1875/1000) = 0.018641, 95% CI 0.05 ± 1.96 * 0.018641.
   */
  @Test
  void matchesAWorkedExample() {
    var test = ProportionTest.of(200, 1000, 250, 1000);

    assertThat(test.difference()).isCloseTo(0.05, within(1e-12));
    assertThat(test.pValue()).isCloseTo(0.00742, within(0.00005));
    assertThat(test.low()).isCloseTo(0.05 - 1.959964 * 0.018641, within(0.00001));
    assertThat(test.high()).isCloseTo(0.05 + 1.959964 * 0.018641, within(0.00001));
    assertThat(test.significant()).isTrue();
  }

  @Test
  void callsASmallDifferenceOnFewContactsNotSignificant() {
    var test = ProportionTest.of(10, 100, 13, 100);

    assertThat(test.pValue()).isGreaterThan(0.05);
    assertThat(test.significant()).isFalse();
    assertThat(test.low()).isNegative();
  }

  @Test
  void findsNoEvidenceWhenNobodyConverted() {
    var test = ProportionTest.of(0, 500, 0, 500);

    assertThat(test.pValue()).isEqualTo(1.0);
    assertThat(test.significant()).isFalse();
  }
}
