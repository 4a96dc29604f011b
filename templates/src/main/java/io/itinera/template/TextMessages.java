package io.itinera.template;

import java.util.Map;
import java.util.Objects;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders short text messages (SMS) written inline in a journey step, in Thymeleaf's TEXT mode:
 * {@code Hi [(*{contact.firstName ?: 'there'})], your cart is waiting.} The text lives in the step, where
 * the analyst edits it in the Modeler; the model is that of {@link EmailTemplates} without the unsubscribe
 * link. Step texts use Thymeleaf's {@code *{...}} (the same as {@code ${...}} with no selected object),
 * because the engine evaluates {@code ${...}} in an input parameter itself, before the step sees the text.
 * Thread-safe.
 */
public final class TextMessages {

  private final TemplateSettings settings;
  private final TemplateEngine engine;

  public TextMessages(TemplateSettings settings) {
    this.settings = settings;
    var dialect = new StandardDialect();
    dialect.setVariableExpressionEvaluator(SPELVariableExpressionEvaluator.INSTANCE);
    var resolver = new StringTemplateResolver();
    resolver.setTemplateMode(TemplateMode.TEXT);
    // The few texts of the deployed journeys are parsed once; a changed text is a new cache entry.
    resolver.setCacheable(true);
    engine = new TemplateEngine();
    engine.setDialect(dialect);
    engine.setTemplateResolver(resolver);
  }

  /** The text rendered with the model, tidied (no trailing blanks, no runs of empty lines); never empty. */
  public String render(String text, Map<String, Object> model) {
    Objects.requireNonNull(model, "model");
    if (text == null || text.isBlank()) {
      throw new TemplateException("The message text is empty", null);
    }
    final String rendered;
    try {
      rendered = PlainText.tidy(engine.process(text, TemplateModel.context(model, settings)));
    } catch (TemplateProcessingException failure) {
      throw new TemplateException("The message text cannot be rendered: " + failure.getMessage(), failure);
    }
    if (rendered.isBlank()) {
      throw new TemplateException("The message text rendered empty", null);
    }
    return rendered;
  }
}
