package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import io.itinera.journey.JourneyStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
 * require and none they ignore: a typo in the BPMN fails the build, not a contact's journey.
 */
@ItineraAppTest
class JourneyWiringTest {

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
