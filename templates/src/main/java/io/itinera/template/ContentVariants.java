package io.itinera.template;

import java.util.List;
import java.util.Map;

/**
 * The variants a template declares in {@code NAME.variants.yml}: per slot ({@code subject}, a named content
 * block, the call to action) the variant names in the file's order; the first is the one a {@code fixed}
 * selection sends.
 */
public record ContentVariants(String template, Map<String, List<String>> slots) {

  public static final String SUBJECT_SLOT = "subject";

  public ContentVariants {
    slots = Map.copyOf(slots);
  }

  /** The first variant of every slot: what the template sends when nobody chooses. */
  public Map<String, String> firsts() {
    var firsts = new java.util.TreeMap<String, String>();
    slots.forEach((slot, variants) -> firsts.put(slot, variants.get(0)));
    return firsts;
  }
}
