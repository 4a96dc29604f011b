package io.itinera.check;

import static io.itinera.check.Elements.problem;

import io.itinera.catalogue.NameCatalogue;
import io.itinera.journey.JourneySyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Warns of a contact attribute or event property that expressions read but no contact or event has
 * ever had, as the name catalogue knows them: {@code contact.attributes.paln} is most likely a typo.
 */
final class NameRules {

  /** {@code .plan} or {@code ['plan']}, but not a method call such as {@code .get('plan')}. */
  private static final String PROPERTY =
      "(?:\\.\\s*(?<dot>[A-Za-z_$][\\w$]*+)(?!\\s*\\()|\\[\\s*(?<quote>['\"])(?<quoted>.*?)\\k<quote>\\s*])";
  /** {@code contact.attributes.plan} or {@code contact.attributes['plan']}. */
  private static final Pattern ATTRIBUTE = Pattern.compile("(?<![\\w$.])contact\\s*\\.\\s*attributes\\s*" + PROPERTY);
  /** {@code event.plan} or {@code event['plan']}, and the same of {@code lastEvent}. */
  private static final Pattern EVENT = Pattern.compile("(?<![\\w$.])(event|lastEvent)\\s*" + PROPERTY);
  private static final int KNOWN_SHOWN = 10;

  private final NameCatalogue catalogue;

  NameRules(NameCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  List<Problem> check(BpmnModelInstance model) {
    var warnings = new ArrayList<Problem>();
    var expressions = expressions(model);
    if (expressions.isEmpty()) {
      return warnings;
    }
    // An empty list (a fresh install, or an event type nothing has sent yet) knows nothing, so it warns
    // of nothing rather than of every name.
    var attributes = catalogue.attributeNames();
    var triggerProperties = catalogue.propertyNames(triggerTypes(model));
    var anyProperties = catalogue.propertyNames();
    for (var expression : expressions) {
      var attribute = ATTRIBUTE.matcher(expression.text());
      while (attribute.find()) {
        unknown(expression.part(), "contact.attributes", name(attribute), attributes,
            "no contact has had an attribute", warnings);
      }
      var event = EVENT.matcher(expression.text());
      while (event.find()) {
        var last = "lastEvent".equals(event.group(1));
        unknown(expression.part(), event.group(1), name(event), last ? anyProperties : triggerProperties,
            last ? "no event has had a property" : "no event that starts this journey has had a property", warnings);
      }
    }
    return warnings;
  }

  private static void unknown(ModelElementInstance part, String prefix, String name, Set<String> known, String what,
      List<Problem> warnings) {
    if (known.isEmpty() || known.contains(name)) {
      return;
    }
    var distance = LevenshteinDistance.getDefaultInstance();
    var closestFirst = known.stream().sorted(Comparator.comparingInt((String other) -> distance.apply(name, other))
        .thenComparing(Comparator.naturalOrder())).limit(KNOWN_SHOWN).toList();
    var shown = String.join(", ", closestFirst) + (known.size() > KNOWN_SHOWN ? ", …" : "");
    warnings.add(problem(part, "`" + prefix + "." + name + "`: " + what + " '" + name + "' (known: " + shown
        + "); check the spelling"));
  }

  /** The name after the dot, or inside the quotes of the brackets. */
  private static String name(Matcher matcher) {
    return matcher.group("dot") != null ? matcher.group("dot") : matcher.group("quoted");
  }

  /** The message names of the journey's own message start events (not those of its event subprocesses). */
  private static Set<String> triggerTypes(BpmnModelInstance model) {
    var types = new TreeSet<String>();
    for (var start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process) {
        start.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
            .map(MessageEventDefinition.class::cast).map(MessageEventDefinition::getMessage)
            .filter(message -> message != null && message.getName() != null)
            .forEach(message -> types.add(message.getName()));
      }
    }
    return types;
  }

  /** Where the journey reads names, leaving out what does not parse: that is an error already (ExpressionRules). */
  private static List<ExpressionSite> expressions(BpmnModelInstance model) {
    return ExpressionSite.in(model).stream()
        .filter(site -> JourneySyntax.isExpression(site.text()))
        .filter(site -> JourneySyntax.expressionError(site.text().strip()).isEmpty())
        .toList();
  }
}
