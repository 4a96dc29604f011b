package io.itinera.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.ItineraAppTest;
import io.itinera.journey.JourneyStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Analysts build journeys from these Modeler templates, not from code: a template that misses an
 * input a step needs, or names one it ignores, would only show up as a failing journey in production.
 */
@ItineraAppTest
class ElementTemplatesTest {

  /** Relative to engine-app, Maven's working directory for its tests. */
  private static final Path TEMPLATES = Path.of("../processes/element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE_TASK = "bpmn:ServiceTask";
  private static final String START_EVENT = "bpmn:StartEvent";
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
  /** Inputs a step reads that no template offers on purpose: a webhook's payload as JSON text (see below). */
  private static final List<String> NOT_OFFERED = List.of("payload");
  private static final List<String> ENTRY_RULES =
      List.of("itinera.entryCondition", "itinera.reentry", "itinera.cooldown");

  @Autowired
  ApplicationContext context;

  /** One template and the file it came from; the file name is what a failing case shows. */
  record Template(String file, JsonNode json) {

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Template> allTemplates() {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().map(ElementTemplatesTest::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Template> serviceTaskTemplates() {
    return allTemplates().stream().filter(template -> appliesTo(template, SERVICE_TASK)).toList();
  }

  static List<Template> startEventTemplates() {
    return allTemplates().stream().filter(template -> appliesTo(template, START_EVENT)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allTemplates")
  void isOneCamunda7TemplateForAServiceTaskOrAStartEvent(Template template) {
    var json = template.json();

    assertThat(json.path("$schema").asText()).endsWith("/element-templates-json-schema/resources/schema.json");
    assertThat(json.path("id").asText()).startsWith("io.itinera.");
    assertThat(json.path("version").asInt()).isPositive();
    assertThat(json.path("name").asText()).isNotBlank();
    assertThat(json.path("description").asText()).isNotBlank();
    // Any other element type would escape both the step and the entry-rule checks below.
    assertThat(texts(json.path("appliesTo"))).singleElement().isIn(SERVICE_TASK, START_EVENT);
  }

  @Test
  void templateIdsAreUnique() {
    var ids = allTemplates().stream().map(template -> template.json().path("id").asText()).toList();

    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allTemplates")
  void everyLabelledFieldExplainsItself(Template template) {
    assertThat(properties(template))
        .filteredOn(property -> property.has("label"))
        .allSatisfy(property -> assertThat(property.path("description").asText())
            .as("description of '%s'", property.path("label").asText()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceTaskTemplates")
  void callsAJourneyStepBean(Template template) {
    var bean = stepBeanName(template);

    assertThat(context.containsBean(bean)).as("bean '%s' exists", bean).isTrue();
    assertThat(context.getBean(bean)).isInstanceOf(JourneyStep.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceTaskTemplates")
  void bindsOnlyInputsTheStepReads(Template template) {
    var step = step(template);

    assertThat(bindings(template, "camunda:inputParameter").keySet())
        .isNotEmpty()
        .allSatisfy(input -> assertThat(step.inputs().reads(input)).as("step reads '%s'", input).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceTaskTemplates")
  void offersEveryInputTheStepReads(Template template) {
    // Once a template is applied the Modeler hides the step's input/output tab: a setting the
    // template does not offer is out of the analyst's reach. Webhook fields come as name and value pairs instead.
    var offered = bindings(template, "camunda:inputParameter").keySet();
    var inputs = step(template).inputs();

    assertThat(Stream.concat(inputs.required().stream(), inputs.optional().stream()))
        .filteredOn(input -> !NOT_OFFERED.contains(input))
        .allSatisfy(input -> assertThat(offered).as("field for '%s'", input).contains(input));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allTemplates")
  void asksForNoSettingTheModelerHidesOnceApplied(Template template) {
    var descriptions = Stream.concat(Stream.of(template.json()), properties(template).stream())
        .map(node -> node.path("description").asText());

    assertThat(descriptions).allSatisfy(description -> assertThat(description.toLowerCase(Locale.ROOT))
        .doesNotContain("retry time cycle", "retry cycle", "asynchronous", "input/output"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceTaskTemplates")
  void makesEveryInputTheStepRequiresMandatory(Template template) {
    var inputs = bindings(template, "camunda:inputParameter");

    assertThat(step(template).inputs().required()).allSatisfy(input -> {
      assertThat(inputs).as("fields").containsKey(input);
      assertThat(inputs.get(input).path("constraints").path("notEmpty").asBoolean())
          .as("'%s' must not be empty", input).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serviceTaskTemplates")
  void runsTheStepAfterAnAsyncContinuation(Template template) {
    // A step that fails inside an async job is retried and then becomes an incident in Cockpit.
    assertThat(bindings(template, "property")).hasEntrySatisfying("camunda:asyncBefore", property -> {
      assertThat(property.path("type").asText()).isEqualTo("Hidden");
      assertThat(property.path("value").asText()).isEqualTo("true");
    });
  }

  @Test
  void offersWebhookFieldsAsNameAndValuePairsNotAsJsonText() {
    // Expressions pasted into JSON text could add fields to a signed body; a value in its own input cannot.
    var inputs = allTemplates().stream().filter(template -> template.file().equals("call-webhook.json"))
        .map(template -> bindings(template, "camunda:inputParameter")).findFirst().orElseThrow();

    assertThat(inputs).doesNotContainKey("payload")
        .containsKeys("field1Name", "field1Value", "field5Name", "field5Value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startEventTemplates")
  void setsOnlyEntryRulesTheRouterUnderstands(Template template) {
    var rules = bindings(template, "camunda:property");

    assertThat(rules).isNotEmpty();
    assertThat(ENTRY_RULES).containsAll(rules.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startEventTemplates")
  void offersExactlyTheReentryPoliciesTheRouterKnows(Template template) {
    var reentry = bindings(template, "camunda:property").get("itinera.reentry");

    assertThat(reentry).as("itinera.reentry field").isNotNull();
    assertThat(reentry.path("type").asText()).isEqualTo("Dropdown");
    var choices = StreamSupport.stream(reentry.path("choices").spliterator(), false)
        .map(choice -> choice.path("value").asText()).toList();
    assertThat(choices).containsExactlyInAnyOrder("never", "after-exit", "always");
  }

  private JourneyStep step(Template template) {
    return context.getBean(stepBeanName(template), JourneyStep.class);
  }

  private static String stepBeanName(Template template) {
    var delegate = bindings(template, "property").get("camunda:delegateExpression");
    assertThat(delegate).as("camunda:delegateExpression field").isNotNull();
    assertThat(delegate.path("type").asText()).isEqualTo("Hidden");
    var matcher = BEAN_EXPRESSION.matcher(delegate.path("value").asText());
    assertThat(matcher.matches()).as("'%s' names a bean as ${beanName}", delegate.path("value").asText()).isTrue();
    return matcher.group(1);
  }

  /** The fields bound with one binding type, by binding name. */
  private static Map<String, JsonNode> bindings(Template template, String bindingType) {
    var bound = new LinkedHashMap<String, JsonNode>();
    properties(template).stream()
        .filter(property -> property.path("binding").path("type").asText().equals(bindingType))
        .forEach(property -> bound.put(property.path("binding").path("name").asText(), property));
    return bound;
  }

  private static List<JsonNode> properties(Template template) {
    return StreamSupport.stream(template.json().path("properties").spliterator(), false).toList();
  }

  private static boolean appliesTo(Template template, String elementType) {
    return texts(template.json().path("appliesTo")).contains(elementType);
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The Modeler reads each file as an array of templates; we keep one template per file. */
  private static Template read(Path file) {
    try {
      var templates = JSON.readTree(file.toFile());
      assertThat(templates.isArray() && templates.size() == 1).as("%s holds an array with one template", file).isTrue();
      return new Template(file.getFileName().toString(), templates.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
