package io.itinera.content;

import java.util.Map;

/** The variant chosen for one slot, how, and the predicted rate of every variant of the slot in this context. */
public record SlotChoice(String variant, ChoiceMode mode, Map<String, Double> predicted) {
}
