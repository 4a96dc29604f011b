package io.itinera.content;

/** One stored posterior: of a template's slot's variant, with its settled observations and rewards so far. */
record PosteriorRow(String template, String slot, String variant, Posterior posterior, long observations, long rewards,
    boolean excluded) {

  PosteriorRow learned(double[] x, int reward) {
    return new PosteriorRow(template, slot, variant, posterior.update(x, reward), observations + 1, rewards + reward,
        excluded);
  }

  VariantState state() {
    return new VariantState(variant, posterior, observations, excluded);
  }
}
