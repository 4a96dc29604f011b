package io.itinera.content;

/** What the policy knows of one variant of a slot: its posterior, how many rewards settled, whether it is excluded. */
public record VariantState(String variant, Posterior posterior, long observations, boolean excluded) {
}
