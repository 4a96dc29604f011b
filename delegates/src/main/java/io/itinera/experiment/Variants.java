package io.itinera.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The variants of a split with their weights, parsed from {@code control:50,discount:50}; the first is the control. */
public record Variants(List<Variant> all) {

  /** One variant and its share of the contacts. */
  public record Variant(String name, int weight) {
  }

  /** Fails with a message that says what is wrong with the text. */
  public static Variants parse(String text) {
    var variants = new ArrayList<Variant>();
    var names = new HashSet<String>();
    for (var part : text.split(",")) {
      var pieces = part.strip().split(":");
      if (pieces.length != 2 || !pieces[0].strip().matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException("variants must look like 'control:50,discount:50', not '" + text + "'");
      }
      int weight;
      try {
        weight = Integer.parseInt(pieces[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the weight of variant '" + pieces[0].strip() + "' is not a number", e);
      }
      if (weight <= 0 || !names.add(pieces[0].strip()) || SplitAssignment.HOLDOUT.equals(pieces[0].strip())) {
        throw new IllegalArgumentException("variants need distinct names other than 'holdout' and positive weights: "
            + text);
      }
      variants.add(new Variant(pieces[0].strip(), weight));
    }
    if (variants.size() < 2) {
      throw new IllegalArgumentException("a split needs at least two variants: " + text);
    }
    return new Variants(List.copyOf(variants));
  }

  String control() {
    return all.get(0).name();
  }

  int totalWeight() {
    return all.stream().mapToInt(Variant::weight).sum();
  }
}
