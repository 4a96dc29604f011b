package io.itinera.template;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The Thymeleaf context every template renders in, email or SMS: the caller's model with {@code contact},
 * {@code event} and {@code vars} never missing, the sender from the settings, keys missing from a map read
 * as null, and the contact's locale.
 */
final class TemplateModel {

  private TemplateModel() {
  }

  static Context context(Map<String, Object> model, TemplateSettings settings) {
    var variables = new HashMap<>(model);
    for (var key : new String[] {"contact", "event", "vars"}) {
      if (variables.get(key) == null) {
        variables.put(key, Map.of());
      }
    }
    variables.put("sender", Map.of("name", settings.senderName(), "postalAddress", settings.postalAddress()));
    var expressions = new StandardEvaluationContext();
    expressions.addPropertyAccessor(new MissingKeysAsNull());
    // Thymeleaf's SpEL evaluator picks this context up and adds its own accessors in front of ours.
    variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, expressions);
    return new Context(locale(variables.get("contact")), variables);
  }

  /** Formats numbers and dates as the contact reads them; English, the templates' language, otherwise. */
  private static Locale locale(Object contact) {
    if (contact instanceof Map<?, ?> map && map.get("locale") instanceof String tag && !tag.isBlank()) {
      return Locale.forLanguageTag(tag.replace('_', '-'));
    }
    return Locale.ENGLISH;
  }
}
