package io.itinera.check;

import io.itinera.journey.EntryRules;
import io.itinera.journey.JourneySyntax;
import io.itinera.journey.JourneySyntax.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules on what the engine parses late: conditions, timers, input values and delegate
 * expressions must parse; literal timers and entry rules must be values the engine understands.
 */
final class ExpressionRules {

  List<Problem> check(BpmnModelInstance model) {
    var problems = new ArrayList<Problem>();
    for (var site : ExpressionSite.in(model)) {
      expression(site.part(), site.what(), site.text(), problems);
    }
    for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      timer(timer, Timer.DURATION, timer.getTimeDuration(), problems);
      timer(timer, Timer.DATE, timer.getTimeDate(), problems);
      timer(timer, Timer.CYCLE, timer.getTimeCycle(), problems);
    }
    for (var task : model.getModelElementsByType(ServiceTask.class)) {
      expression(task, "delegate expression", task.getCamundaDelegateExpression(), problems);
    }
    for (var start : model.getModelElementsByType(StartEvent.class)) {
      entryRules(start, problems);
    }
    return problems;
  }

  private static void entryRules(StartEvent start, List<Problem> problems) {
    var properties = Elements.properties(start);
    var condition = properties.get(EntryRules.CONDITION);
    // Whether it parses is checked with the other expressions (ExpressionSite).
    if (condition != null && !condition.isBlank() && !JourneySyntax.isExpression(condition)) {
      problems.add(Elements.problem(start, EntryRules.CONDITION + " must be an expression such as "
          + "${event.plan == 'pro'}, not '" + condition.strip() + "'"));
    }
    // One rule at a time, so that each bad value is reported, not only the first.
    for (var rule : List.of(EntryRules.REENTRY, EntryRules.COOLDOWN)) {
      var value = properties.get(rule);
      try {
        EntryRules.from(value == null ? Map.of() : Map.of(rule, value));
      } catch (IllegalArgumentException e) {
        problems.add(Elements.problem(start, e.getMessage()));
      }
    }
  }

  private static void timer(TimerEventDefinition timer, Timer kind, Expression value,
      List<Problem> problems) {
    if (value == null || value.getTextContent() == null) {
      return;
    }
    var text = value.getTextContent().strip();
    var what = "timer " + value.getElementType().getTypeName();
    if (JourneySyntax.isExpression(text)) {
      expression(timer, what, text, problems);
    } else {
      JourneySyntax.timerError(kind, text).ifPresent(error -> problems.add(Elements.problem(timer,
          what + ": " + error)));
    }
  }

  private static void expression(ModelElementInstance part, String what, String text, List<Problem> problems) {
    if (text != null && JourneySyntax.isExpression(text)) {
      JourneySyntax.expressionError(text.strip()).ifPresent(error -> problems.add(Elements.problem(part,
          what + " '" + text.strip() + "' does not parse (" + error + "); correct the expression")));
    }
  }
}
