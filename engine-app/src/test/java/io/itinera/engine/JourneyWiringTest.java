package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariable;
import io.itinera.journey.JourneyVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every journey the app deploys calls beans that exist, are journey steps, and get every input they
 * require and none they ignore, and reads only variables that Itinera names: a typo in the BPMN fails
 * the build, not a contact's journey.
 */
@ItineraAppTest
class JourneyWiringTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** Names at the start of an expression or after an operator: not a property after a dot. */
  private static final Pattern TOP_LEVEL_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  /** What JourneyExpressionsPlugin and the engine give every expression, and EL's own words. */
  private static final Set<String> ALWAYS_THERE = Set.of("contact", "events", "execution", "true", "false", "null",
      "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  @Autowired
  ApplicationContext context;

  static List<Resource> journeys() {
    try {
      return Arrays.asList(new PathMatchingResourcePatternResolver().getResources("classpath*:journeys/*.bpmn"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void callsExistingStepsWithTheInputsTheyRead(Resource journey) throws IOException {
    try (var bpmn = journey.getInputStream()) {
      var tasks = Bpmn.readModelFromStream(bpmn).getModelElementsByType(ServiceTask.class);

      assertThat(tasks).allSatisfy(task -> {
        var bean = task.getCamundaDelegateExpression().replaceAll("^\\$\\{(.+)}$", "$1");
        assertThat(context.containsBean(bean)).as("bean %s of %s", bean, task.getId()).isTrue();
        assertThat(context.getBean(bean)).as("%s is a journey step", bean).isInstanceOf(JourneyStep.class);
        var inputs = ((JourneyStep) context.getBean(bean)).inputs();
        var given = inputsOf(task);
        assertThat(given).as("inputs of %s", task.getId()).containsAll(inputs.required());
        assertThat(given).as("inputs of %s", task.getId()).allMatch(inputs::reads);
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void readsOnlyBeansAndTheVariablesItineraNames(Resource journey) throws IOException {
    var text = journey.getContentAsString(StandardCharsets.UTF_8);
    var known = new HashSet<>(ALWAYS_THERE);
    JourneyVariables.ALL.stream().map(JourneyVariable::name).forEach(known::add);
    try (var bpmn = journey.getInputStream()) {
      // A step that writes its result where the BPMN says (resultVariable) adds that name.
      Bpmn.readModelFromStream(bpmn).getModelElementsByType(CamundaInputParameter.class).stream()
          .filter(input -> "resultVariable".equals(input.getCamundaName()))
          .forEach(input -> known.add(input.getTextContent().strip()));
    }

    var names = EXPRESSION.matcher(text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).results()
        .map(expression -> QUOTED.matcher(expression.group(1)).replaceAll("''"))
        .flatMap(expression -> TOP_LEVEL_NAME.matcher(expression).results().map(name -> name.group(1)))
        .collect(Collectors.toSet());

    assertThat(names).as("names read by the expressions of %s", journey.getFilename())
        .isNotEmpty()
        .allMatch(name -> known.contains(name) || context.containsBean(name));
  }

  private static Set<String> inputsOf(ServiceTask task) {
    if (task.getExtensionElements() == null) {
      return Set.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .map(CamundaInputParameter::getCamundaName)
        .collect(Collectors.toSet());
  }
}
