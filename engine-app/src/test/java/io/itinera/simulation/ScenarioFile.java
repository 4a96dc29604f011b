package io.itinera.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code <journey>.scenarios.yaml} files into {@link Scenario}s. The YAML is composed into
 * nodes rather than loaded, to keep the line of each scenario and expectation for the failure
 * messages; the plan part is then converted to a {@link SimulationPlan} as the API would read its
 * JSON body, except that an unknown key is an error here (a typo must not silently test nothing).
 */
final class ScenarioFile {

  static final String SUFFIX = ".scenarios.yaml";
  private static final Set<String> PLAN_KEYS = Set.of("contact", "trigger", "events", "start", "horizon", "seed");
  private static final Set<String> KEYS = union(PLAN_KEYS, Set.of("name", "expect"));

  private final ObjectMapper json;
  private final Validator validator;

  ScenarioFile(ObjectMapper json, Validator validator) {
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.validator = validator;
  }

  /** Every scenario of the files matching a Spring resource pattern, file by file, in file order. */
  List<Scenario> load(String pattern) {
    try {
      var files = new PathMatchingResourcePatternResolver().getResources(pattern);
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      var scenarios = new ArrayList<Scenario>();
      for (var file : files) {
        scenarios.addAll(read(file));
      }
      return scenarios;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Scenario> read(Resource resource) throws IOException {
    var file = resource.getFilename();
    var journey = file.substring(0, file.length() - SUFFIX.length());
    Node root;
    try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      root = new Yaml().compose(reader);
    } catch (YAMLException e) {
      var line = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
          ? marked.getProblemMark().getLine() + 1 : 1;
      return List.of(Scenario.broken(file, line, "(the whole file)", journey, "is not valid YAML: " + e.getMessage()));
    }
    var top = root instanceof MappingNode mapping ? keys(mapping) : Map.<String, Node>of();
    if (top.size() != 1 || !(top.get("scenarios") instanceof SequenceNode list)) {
      return List.of(Scenario.broken(file, root == null ? 1 : line(root), "(the whole file)", journey,
          "the file must hold one key, scenarios, with a list of scenarios"));
    }
    return list.getValue().stream().map(node -> scenario(file, journey, node)).toList();
  }

  private Scenario scenario(String file, String journey, Node node) {
    var line = line(node);
    if (!(node instanceof MappingNode mapping)) {
      return Scenario.broken(file, line, "(unnamed)", journey, "a scenario must be a mapping of keys such as name,"
          + " trigger and expect");
    }
    var keys = keys(mapping);
    var name = keys.get("name") instanceof ScalarNode scalar ? scalar.getValue() : "(unnamed)";
    var unknown = keys.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst();
    if (unknown.isPresent()) {
      return Scenario.broken(file, line, name, journey, "unknown key '" + unknown.get() + "' (line "
          + line(keys.get(unknown.get())) + "); a scenario has the keys " + new TreeSet<>(KEYS));
    }
    if (!keys.containsKey("name") || !keys.containsKey("expect")) {
      return Scenario.broken(file, line, name, journey, "a scenario needs a name and an expect");
    }
    var planValues = new LinkedHashMap<String, Object>();
    keys.forEach((key, value) -> {
      if (PLAN_KEYS.contains(key)) {
        planValues.put(key, value(value));
      }
    });
    SimulationPlan plan;
    try {
      plan = json.convertValue(planValues, SimulationPlan.class);
    } catch (IllegalArgumentException unreadable) {
      return Scenario.broken(file, line, name, journey, inWords(unreadable));
    }
    var violations = validator.validate(plan).stream()
        .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted().toList();
    if (!violations.isEmpty()) {
      return Scenario.broken(file, line, name, journey, String.join("; ", violations));
    }
    try {
      return new Scenario(file, line, name, journey, plan, expectations(keys.get("expect")), null);
    } catch (IllegalArgumentException wrongExpectation) {
      return Scenario.broken(file, line, name, journey, wrongExpectation.getMessage());
    }
  }

  private static List<Expectation> expectations(Node expect) {
    if (!(expect instanceof MappingNode mapping)) {
      throw new IllegalArgumentException("expect must be a mapping of steps, notSteps, emails, skipped, ending, endStep");
    }
    var expectations = new ArrayList<Expectation>();
    keys(mapping).forEach((key, node) -> {
      var at = " (line " + line(node) + ")";
      if (Expectation.LISTS.contains(key) && node instanceof SequenceNode list
          && list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
        expectations.add(new Expectation(key, list.getValue().stream().map(item -> ((ScalarNode) item).getValue())
            .toList(), line(node)));
      } else if (Expectation.WORDS.contains(key) && node instanceof ScalarNode word) {
        if (key.equals("ending") && !Expectation.ENDINGS.contains(word.getValue())) {
          throw new IllegalArgumentException("expect.ending '" + word.getValue() + "'" + at + " is none of "
              + new TreeSet<>(Expectation.ENDINGS));
        }
        expectations.add(new Expectation(key, List.of(word.getValue()), line(node)));
      } else if (Expectation.LISTS.contains(key)) {
        throw new IllegalArgumentException("expect." + key + at + " must be a list of names, e.g. [a, b]");
      } else if (Expectation.WORDS.contains(key)) {
        throw new IllegalArgumentException("expect." + key + at + " must be one word");
      } else {
        throw new IllegalArgumentException("unknown key 'expect." + key + "'" + at + "; expect has the keys "
            + new TreeSet<>(union(Expectation.LISTS, Expectation.WORDS)));
      }
    });
    return expectations;
  }

  /** The plain value of a node: maps, lists, and scalars typed as YAML reads them (30 is a number, "30" a string). */
  private static Object value(Node node) {
    if (node instanceof MappingNode mapping) {
      var map = new LinkedHashMap<String, Object>();
      keys(mapping).forEach((key, value) -> map.put(key, value(value)));
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream().map(ScenarioFile::value).toList();
    }
    var scalar = (ScalarNode) node;
    var text = scalar.getValue();
    var tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Set.of("true", "yes", "on").contains(text.toLowerCase());
    }
    try {
      if (Tag.INT.equals(tag)) {
        return Long.parseLong(text.replace("_", ""));
      }
      if (Tag.FLOAT.equals(tag)) {
        return Double.parseDouble(text.replace("_", ""));
      }
    } catch (NumberFormatException unusualNotation) {
      return text;
    }
    return text;
  }

  private static Map<String, Node> keys(MappingNode mapping) {
    var keys = new LinkedHashMap<String, Node>();
    mapping.getValue().forEach(tuple -> keys.put(((ScalarNode) tuple.getKeyNode()).getValue(), tuple.getValueNode()));
    return keys;
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** Jackson's complaint about the plan, as a sentence naming the key. */
  private static String inWords(IllegalArgumentException unreadable) {
    if (!(unreadable.getCause() instanceof JsonMappingException mapping)) {
      return String.valueOf(unreadable.getMessage());
    }
    var path = mapping.getPath();
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      var where = path(path.subList(0, path.size() - 1));
      return "unknown key '" + unknown.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + where)
          + "; known keys there: " + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
    }
    if (mapping instanceof InvalidFormatException format) {
      return path(path) + ": '" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
    }
    return path(path) + ": " + mapping.getOriginalMessage().lines().findFirst().orElse("cannot be read");
  }

  private static String path(List<JsonMappingException.Reference> references) {
    var path = new StringBuilder();
    for (var reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static Set<String> union(Set<String> one, Set<String> other) {
    var all = new TreeSet<>(one);
    all.addAll(other);
    return all;
  }
}
