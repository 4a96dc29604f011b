package io.itinera.check;

import io.itinera.catalogue.NameCatalogue;
import io.itinera.experiment.Experiments;
import io.itinera.preference.Topics;
import io.itinera.template.EmailTemplates;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a journey's BPMN for the mistakes that would otherwise show only while contacts run through
 * it. The deployment check and {@code POST /api/journeys/validate} both ask this, so they agree.
 */
@Component
public class JourneyCheck {

  private final StepRules steps;
  private final ExpressionRules expressions = new ExpressionRules();
  private final WarningRules warnings = new WarningRules();
  private final NameRules names;

  public JourneyCheck(ListableBeanFactory beans, EmailTemplates templates, Experiments experiments,
      NameCatalogue catalogue, Topics topics) {
    this.steps = new StepRules(beans, templates, experiments, topics);
    this.names = new NameRules(catalogue);
  }

  /** What is wrong with a BPMN file (errors refuse it) and what deserves a look (warnings); fails if it is not BPMN. */
  public Findings examine(InputStream bpmn) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(bpmn);
    } catch (ModelException e) {
      throw new UnreadableJourneyException("Not a BPMN file the engine can read: " + e.getMessage(), e);
    }
    var found = new ArrayList<Problem>(warnings.check(model));
    found.addAll(names.check(model));
    return new Findings(check(model), sorted(found));
  }

  /** A journey's errors and warnings, each by element id. */
  public record Findings(List<Problem> errors, List<Problem> warnings) {
  }

  public List<Problem> check(BpmnModelInstance model) {
    var problems = new ArrayList<Problem>(steps.check(model));
    problems.addAll(expressions.check(model));
    return sorted(problems);
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().sorted(Comparator.comparing(Problem::element)).toList();
  }
}
