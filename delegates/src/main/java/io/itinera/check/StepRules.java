package io.itinera.check;

import io.itinera.content.ContentStep;
import io.itinera.email.EmailStep;
import io.itinera.email.SendEmailDelegate;
import io.itinera.experiment.AbSplitDelegate;
import io.itinera.experiment.Experiments;
import io.itinera.experiment.Variants;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneySyntax;
import io.itinera.outbox.PacingStep;
import io.itinera.preference.Topics;
import io.itinera.template.EmailTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The rules on the steps journeys call: each names a journey step bean and gives the inputs it
 * requires; an email names a template that exists, whose variant files exist and render, and a valid selection,
 * reward and reward window; a send names a defined topic and a valid pacing; a split has valid weights and an
 * experiment of its own.
 */
final class StepRules {

  private static final String TOPIC = "topic";
  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)\\s*}");

  private final ListableBeanFactory beans;
  private final EmailTemplates templates;
  private final Experiments experiments;
  private final Topics topics;

  StepRules(ListableBeanFactory beans, EmailTemplates templates, Experiments experiments, Topics topics) {
    this.beans = beans;
    this.topics = topics;
    this.templates = templates;
    this.experiments = experiments;
  }

  List<Problem> check(BpmnModelInstance model) {
    var problems = new ArrayList<Problem>();
    for (var task : model.getModelElementsByType(ServiceTask.class)) {
      var expression = task.getCamundaDelegateExpression();
      var bean = expression == null ? null : BEAN.matcher(expression.strip());
      if (bean == null || !bean.matches()) {
        continue; // another kind of implementation, or an expression that ExpressionRules checks
      }
      var name = bean.group(1);
      if (!beans.containsBean(name) || !beans.isTypeMatch(name, JourneyStep.class)) {
        problems.add(Elements.problem(task, "calls '" + name + "', which is not a journey step; use one of "
            + String.join(", ", beans.getBeanNamesForType(JourneyStep.class, false, false))));
        continue;
      }
      var step = beans.getBean(name, JourneyStep.class);
      var inputs = Elements.inputs(task);
      step.inputs().required().stream().sorted()
          .filter(input -> !inputs.containsKey(input) || "".equals(inputs.get(input)))
          .forEach(input -> problems.add(Elements.problem(task, "has no input '" + input + "', which " + name
              + " requires; fill it in")));
      if (step.inputs().reads(TOPIC)) {
        checkTopicAndPacing(task, inputs, problems);
      }
      if (step instanceof SendEmailDelegate) {
        checkTemplate(task, inputs, problems);
      } else if (step instanceof AbSplitDelegate) {
        checkSplit(task, inputs, problems);
      }
    }
    return problems;
  }

  private void checkTemplate(ServiceTask task, Map<String, String> inputs, List<Problem> problems) {
    var template = literal(inputs.get(EmailStep.TEMPLATE.name()));
    if (template != null) {
      templates.missing(template).ifPresent(missing -> problems.add(Elements.problem(task,
          missing + "; name an existing template or add its files")));
      templates.variantProblems(template).forEach(problem -> problems.add(Elements.problem(task, problem)));
    }
    for (var input : List.of(ContentStep.SELECTION, ContentStep.REWARD, ContentStep.REWARD_WINDOW)) {
      var value = literal(inputs.get(input.name()));
      if (value != null) {
        ContentStep.problem(input.name(), value).ifPresent(problem ->
            problems.add(Elements.problem(task, "input '" + input.name() + "' " + problem)));
      }
    }
  }

  /** Written out in the step (not computed), the topic must be defined and the pacing readable. */
  private void checkTopicAndPacing(ServiceTask task, Map<String, String> inputs, List<Problem> problems) {
    var topic = literal(inputs.get(TOPIC));
    if (topic != null && topics.find(topic).isEmpty()) {
      problems.add(Elements.problem(task, "names topic '" + topic + "', which is not defined; define it in"
          + " itinera.topics or with PUT /api/topics/" + topic + " first"));
    }
    var maxWait = literal(inputs.get(PacingStep.MAX_WAIT.name()));
    var maxWaitComputed = maxWait == null && inputs.containsKey(PacingStep.MAX_WAIT.name());
    PacingStep.problem(literal(inputs.get(PacingStep.WHEN_CAPPED.name())), maxWait, maxWaitComputed)
        .ifPresent(problem -> problems.add(Elements.problem(task, problem)));
  }

  private void checkSplit(ServiceTask task, Map<String, String> inputs, List<Problem> problems) {
    var variants = literal(inputs.get(AbSplitDelegate.VARIANTS.name()));
    if (variants != null) {
      try {
        Variants.parse(variants);
      } catch (IllegalArgumentException e) {
        problems.add(Elements.problem(task, "input 'variants': " + e.getMessage()));
      }
    }
    var experiment = literal(inputs.get(AbSplitDelegate.EXPERIMENT.name()));
    var journey = Elements.journeyKey(task);
    if (experiment != null) {
      experiments.journeyOf(experiment).filter(owner -> !owner.equals(journey)).ifPresent(owner ->
          problems.add(Elements.problem(task, "experiment '" + experiment + "' belongs to journey '" + owner
              + "'; give this split an experiment name of its own")));
    }
  }

  /** The value when it is literal text, not blank; null when left out, empty or computed by an expression. */
  private static String literal(String value) {
    return value == null || value.isEmpty() || JourneySyntax.isExpression(value) ? null : value;
  }
}
