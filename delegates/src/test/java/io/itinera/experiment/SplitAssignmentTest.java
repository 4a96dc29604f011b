package io.itinera.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignmentTest {

  private static final int CONTACTS = 10_000;

  @Test
  void splitsTenThousandContactsWithinTwoPercentOfTheWeights() {
    var shares = shares("subject-line", Variants.parse("control:50,curious:30,direct:20"), 0);

    assertThat(shares.get("control")).isCloseTo(0.50, within(0.02));
    assertThat(shares.get("curious")).isCloseTo(0.30, within(0.02));
    assertThat(shares.get("direct")).isCloseTo(0.20, within(0.02));
  }

  @Test
  void holdsOutTheConfiguredShareAndSplitsTheRestByWeight() {
    var shares = shares("cart-offer", Variants.parse("discount:1,free-shipping:1"), 10);

    assertThat(shares.get("holdout")).isCloseTo(0.10, within(0.02));
    assertThat(shares.get("discount")).isCloseTo(0.45, within(0.02));
    assertThat(shares.get("free-shipping")).isCloseTo(0.45, within(0.02));
  }

  @Test
  void givesAContactTheSameVariantEveryTimeButSplitsExperimentsIndependently() {
    var variants = Variants.parse("a:50,b:50");
    var sameInBoth = 0;
    for (int i = 0; i < CONTACTS; i++) {
      var contact = "contact-" + i;
      assertThat(SplitAssignment.variantOf("first", contact, variants, 0))
          .isEqualTo(SplitAssignment.variantOf("first", contact, variants, 0));
      if (SplitAssignment.variantOf("first", contact, variants, 0)
          .equals(SplitAssignment.variantOf("second", contact, variants, 0))) {
        sameInBoth++;
      }
    }
    assertThat(sameInBoth / (double) CONTACTS).isCloseTo(0.5, within(0.02));
  }

  @Test
  void refusesVariantsItCannotSplitBy() {
    assertThatThrownBy(() -> Variants.parse("control")).hasMessageContaining("control:50");
    assertThatThrownBy(() -> Variants.parse("a:50,a:50")).hasMessageContaining("distinct");
    assertThatThrownBy(() -> Variants.parse("a:50,b:0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Variants.parse("a:50,holdout:50")).hasMessageContaining("holdout");
    assertThatThrownBy(() -> Variants.parse("a:50,b:lots")).hasMessageContaining("not a number");
  }

  private static Map<String, Double> shares(String experiment, Variants variants, int holdout) {
    var counts = new HashMap<String, Integer>();
    for (int i = 0; i < CONTACTS; i++) {
      counts.merge(SplitAssignment.variantOf(experiment, "contact-" + i, variants, holdout), 1, Integer::sum);
    }
    var shares = new HashMap<String, Double>();
    counts.forEach((variant, count) -> shares.put(variant, count / (double) CONTACTS));
    return shares;
  }
}
