package io.itinera.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Chooses a slot's variant for one context (a contact at a send). {@code predicted}: Thompson sampling,
 * one weight draw per variant from its posterior and the highest score wins, except for the random share,
 * which is uniform over all variants (excluded ones too: it is the unbiased baseline the lift is measured
 * against, and it lets a wrongly excluded variant come back). With no settled reward in the slot yet
 * (cold start) every choice is uniform. Thread-safe if its random generator is.
 */
public final class ContentPolicy {

  private final double randomShare;
  private final RandomGenerator random;

  public ContentPolicy(double randomShare, RandomGenerator random) {
    if (randomShare < 0 || randomShare > 1) {
      throw new IllegalArgumentException("The random share must be between 0 and 1, not " + randomShare);
    }
    this.randomShare = randomShare;
    this.random = random;
  }

  public SlotChoice choose(Selection selection, List<VariantState> variants, double[] x) {
    var predicted = new LinkedHashMap<String, Double>();
    variants.forEach(state -> predicted.put(state.variant(), state.posterior().predictedRate(x)));
    return switch (selection) {
      case FIXED -> new SlotChoice(variants.get(0).variant(), ChoiceMode.FIXED, predicted);
      case RANDOM -> new SlotChoice(uniform(variants), ChoiceMode.RANDOM, predicted);
      case PREDICTED -> predict(variants, x, predicted);
    };
  }

  /**
   * For each variant, the share of (context, posterior draw) pairs in which it scores highest: its posterior
   * probability of being the best over the contexts seen.
   */
  public Map<String, Double> probabilityBest(List<VariantState> variants, List<double[]> contexts, int drawsPerContext) {
    var wins = new LinkedHashMap<String, Double>();
    variants.forEach(state -> wins.put(state.variant(), 0.0));
    var rounds = contexts.size() * drawsPerContext;
    for (var x : contexts) {
      for (int draw = 0; draw < drawsPerContext; draw++) {
        wins.merge(thompson(variants, x), 1.0 / rounds, Double::sum);
      }
    }
    return wins;
  }

  private SlotChoice predict(List<VariantState> variants, double[] x, Map<String, Double> predicted) {
    if (variants.stream().allMatch(state -> state.observations() == 0)) {
      return new SlotChoice(uniform(variants), ChoiceMode.COLD_START, predicted);
    }
    if (random.nextDouble() < randomShare) {
      return new SlotChoice(uniform(variants), ChoiceMode.EXPLORE, predicted);
    }
    var eligible = variants.stream().filter(state -> !state.excluded()).toList();
    return new SlotChoice(thompson(eligible.isEmpty() ? variants : eligible, x), ChoiceMode.POLICY, predicted);
  }

  private String thompson(List<VariantState> variants, double[] x) {
    String best = null;
    var bestScore = Double.NEGATIVE_INFINITY;
    for (var state : variants) {
      var score = Posterior.score(state.posterior().sample(random), x);
      if (score > bestScore) {
        best = state.variant();
        bestScore = score;
      }
    }
    return best;
  }

  private String uniform(List<VariantState> variants) {
    return variants.get(random.nextInt(variants.size())).variant();
  }
}
