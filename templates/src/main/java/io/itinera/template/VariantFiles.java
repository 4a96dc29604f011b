package io.itinera.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code NAME.variants.yml}: a map from slot to a map from variant name to the file (next to the
 * template) that holds that variant. Says what is wrong with the file in words, naming it.
 */
final class VariantFiles {

  static final String SUFFIX = ".variants.yml";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(html|txt)");

  private VariantFiles() {
  }

  /** Slot to variant to file, in the file's order; throws {@link TemplateException} naming the file if it is malformed. */
  static Map<String, Map<String, String>> parse(String template, String yaml) {
    var file = template + SUFFIX;
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException broken) {
      throw new TemplateException(file + " is not valid YAML: " + broken.getMessage(), broken);
    }
    if (!(root instanceof Map<?, ?> slots) || slots.isEmpty()) {
      throw new TemplateException(file + " must map each slot (subject, a block, cta) to its variants", null);
    }
    var parsed = new LinkedHashMap<String, Map<String, String>>();
    for (var slot : slots.entrySet()) {
      var slotName = String.valueOf(slot.getKey());
      requireName(file, "slot", slotName);
      if (!(slot.getValue() instanceof Map<?, ?> variants) || variants.size() < 2) {
        throw new TemplateException(file + ": slot '" + slotName + "' needs at least two variants, each a name and"
            + " its file", null);
      }
      var files = new LinkedHashMap<String, String>();
      for (var variant : variants.entrySet()) {
        var variantName = String.valueOf(variant.getKey());
        requireName(file, "variant", variantName);
        var variantFile = String.valueOf(variant.getValue());
        if (!FILE.matcher(variantFile).matches()) {
          throw new TemplateException(file + ": variant '" + variantName + "' of slot '" + slotName
              + "' must name a .html or .txt file next to the template, not '" + variantFile + "'", null);
        }
        files.put(variantName, variantFile);
      }
      parsed.put(slotName, files);
    }
    return parsed;
  }

  static ContentVariants variants(String template, Map<String, Map<String, String>> files) {
    var slots = new LinkedHashMap<String, List<String>>();
    files.forEach((slot, variants) -> slots.put(slot, List.copyOf(new ArrayList<>(variants.keySet()))));
    return new ContentVariants(template, slots);
  }

  private static void requireName(String file, String what, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new TemplateException(file + ": " + what + " '" + name + "' must be lower-case letters, digits, - and _",
          null);
    }
  }
}
