package io.itinera.template;

import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Renders the email templates: a template {@code NAME} is {@code NAME.subject.txt}, {@code NAME.html} and,
 * optionally, {@code NAME.txt} (else the text is derived from the HTML), looked up in the override
 * directory first and then on the classpath under {@code email/}. Thread-safe.
 *
 * <p>The model a caller passes:
 * <ul>
 *   <li>{@code contact}: a map with {@code id}, {@code email}, {@code firstName}, {@code lastName},
 *       {@code timezone}, {@code locale} and {@code attributes} (a map); any value may be missing;</li>
 *   <li>{@code event}: the trigger event's properties, may be empty;</li>
 *   <li>{@code vars}: the journey's variables, may be empty;</li>
 *   <li>{@code unsubscribeUrl}: this contact's unsubscribe link, required.</li>
 * </ul>
 * The renderer adds {@code sender} ({@code sender.name}, {@code sender.postalAddress}) from the settings,
 * replacing any the caller passed. Expressions are SpEL. A key missing from a map reads as {@code null}, so
 * templates give defaults ({@code ${contact.firstName ?: 'there'}}) and step into maps that may be absent
 * with {@code ?.} ({@code ${contact.attributes?.plan}}); a missing {@code contact}, {@code event} or
 * {@code vars} reads as an empty map.
 */
public final class EmailTemplates {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final TemplateSettings settings;
  private final TemplateFiles files;
  private final TemplateEngine engine;

  public EmailTemplates(TemplateSettings settings) {
    var overrides = settings.overrideDirectory();
    if (overrides != null && !Files.isDirectory(overrides)) {
      throw new IllegalArgumentException("The email templates directory " + overrides + " is not a directory");
    }
    var classLoader = EmailTemplates.class.getClassLoader();
    this.settings = settings;
    this.files = new TemplateFiles(overrides, classLoader);
    this.engine = ThymeleafEngine.create(overrides, classLoader);
  }

  /** Renders template {@code name} with the model; never returns an empty or half-rendered email. */
  public RenderedEmail render(String name, Map<String, Object> model) {
    requireParts(name);
    var context = context(model);
    var subject = PlainText.subject(process(name, name + TemplateFiles.SUBJECT, context));
    var html = process(name, name + TemplateFiles.HTML, context);
    var text = files.exists(name + TemplateFiles.TEXT)
        ? PlainText.tidy(process(name, name + TemplateFiles.TEXT, context))
        : HtmlText.from(html);
    requireContent(name, "subject", subject);
    requireContent(name, "HTML body", html);
    requireContent(name, "text body", text);
    return new RenderedEmail(subject, html, text);
  }

  /** Names of the templates shipped on the classpath (for a test that renders them all). */
  public SortedSet<String> shipped() {
    return files.shipped();
  }

  /** Why there is no template of this name (a bad name, or which of subject and HTML are missing); empty if there is. */
  public Optional<String> missing(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.of("No email template '" + name + "': a name is letters, digits, '-' and '_'");
    }
    var missing = Stream.of(name + TemplateFiles.SUBJECT, name + TemplateFiles.HTML)
        .filter(file -> !files.exists(file))
        .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("No email template '" + name + "': " + String.join(" and ", missing) + " not found "
        + files.whereTheyAre());
  }

  private void requireParts(String name) {
    var missing = missing(name);
    if (missing.isPresent()) {
      throw new TemplateException(missing.get(), null);
    }
  }

  private Context context(Map<String, Object> model) {
    Objects.requireNonNull(model, "model");
    if (!(model.get("unsubscribeUrl") instanceof String url) || url.isBlank()) {
      throw new IllegalArgumentException("Every email needs an unsubscribeUrl in its model");
    }
    return TemplateModel.context(model, settings);
  }

  private String process(String name, String file, Context context) {
    try {
      return engine.process(file, context);
    } catch (TemplateProcessingException failure) {
      throw new TemplateException(FailureMessage.of(name, failure), failure);
    } catch (RuntimeException failure) {
      throw new TemplateException("Email template '" + name + "' cannot be rendered (" + file + "): "
          + failure.getMessage(), failure);
    }
  }

  private static void requireContent(String name, String part, String rendered) {
    if (rendered.isBlank()) {
      throw new TemplateException("Email template '" + name + "' rendered an empty " + part, null);
    }
  }
}
