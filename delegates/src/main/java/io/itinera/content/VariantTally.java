package io.itinera.content;

/** Counts of one variant of a slot chosen one way: sends, sends whose reward has settled, and rewards among those. */
record VariantTally(String slot, String variant, ChoiceMode mode, long sends, long settled, long rewards) {
}
