package io.itinera.template;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code vars} reads as an empty map. A template may declare variants of its subject and of named blocks
 * ({@link #variants}); see {@link #render(String, Map, Map)}.
 */
public final class EmailTemplates {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final TemplateSettings settings;
  private final TemplateFiles files;
  private final TemplateEngine engine;
  /** Parsed variants files by template, kept as Thymeleaf keeps the templates: every email send reads them. */
  private final Map<String, ReadVariants> variantFilesRead = new ConcurrentHashMap<>();

  private record ReadVariants(Optional<Map<String, Map<String, String>>> files, long readAtMs) {
  }

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
    return render(name, model, Map.of());
  }

  /**
   * Renders template {@code name} with the chosen variant of each slot (slot to variant name); a slot left
   * out gets its first variant. The {@code subject} slot replaces the subject; any other slot's variant is
   * rendered first and handed to the template as {@code blocks.SLOT} (HTML) and {@code blockTexts.SLOT} (text).
   */
  public RenderedEmail render(String name, Map<String, Object> model, Map<String, String> chosen) {
    requireParts(name);
    Objects.requireNonNull(model, "model");
    var variantFiles = variantFiles(name).orElse(Map.of());
    var unknownSlots = new java.util.TreeSet<>(chosen.keySet());
    unknownSlots.removeAll(variantFiles.keySet());
    if (!unknownSlots.isEmpty()) {
      throw new TemplateException("Email template '" + name + "' has no variant slot " + unknownSlots + " in "
          + name + VariantFiles.SUFFIX, null);
    }
    var subjectFile = name + TemplateFiles.SUBJECT;
    var blocks = new HashMap<String, Object>();
    var blockTexts = new HashMap<String, Object>();
    var blockContext = context(model);
    for (var slot : variantFiles.entrySet()) {
      var variant = chosen.getOrDefault(slot.getKey(), slot.getValue().keySet().iterator().next());
      var file = slot.getValue().get(variant);
      if (file == null) {
        throw new TemplateException("Email template '" + name + "' has no variant '" + variant + "' in slot '"
            + slot.getKey() + "' of " + name + VariantFiles.SUFFIX, null);
      }
      if (ContentVariants.SUBJECT_SLOT.equals(slot.getKey())) {
        subjectFile = file;
      } else {
        var block = process(name, file, blockContext);
        blocks.put(slot.getKey(), block);
        blockTexts.put(slot.getKey(), file.endsWith(TemplateFiles.TEXT) ? PlainText.tidy(block) : HtmlText.from(block));
      }
    }
    var withBlocks = new HashMap<>(model);
    withBlocks.put("blocks", blocks);
    withBlocks.put("blockTexts", blockTexts);
    var context = context(withBlocks);
    var subject = PlainText.subject(process(name, subjectFile, context));
    var html = process(name, name + TemplateFiles.HTML, context);
    var text = files.exists(name + TemplateFiles.TEXT)
        ? PlainText.tidy(process(name, name + TemplateFiles.TEXT, context))
        : HtmlText.from(html);
    requireContent(name, "subject", subject);
    requireContent(name, "HTML body", html);
    requireContent(name, "text body", text);
    return new RenderedEmail(subject, html, text);
  }

  /**
   * The variants template {@code name} declares in {@code NAME.variants.yml}; empty if it declares none.
   * Throws {@link TemplateException} naming the file when that file is malformed.
   */
  public Optional<ContentVariants> variants(String name) {
    return variantFiles(name).map(files -> VariantFiles.variants(name, files));
  }

  /**
   * What is wrong with the variants of template {@code name}, each naming its file: a malformed variants
   * file, a variant file that does not exist, or one that does not render for a contact we know nothing
   * about (a broken expression). Empty when all is well or the template declares no variants.
   */
  public List<String> variantProblems(String name) {
    Map<String, Map<String, String>> variantFiles;
    try {
      variantFiles = variantFiles(name).orElse(Map.of());
    } catch (TemplateException malformed) {
      return List.of("Email template '" + name + "': " + malformed.getMessage());
    }
    var problems = new ArrayList<String>();
    var sample = context(Map.of("unsubscribeUrl", "https://itinera.invalid/u/check"));
    variantFiles.forEach((slot, variants) -> variants.forEach((variant, file) -> {
      if (!files.exists(file)) {
        problems.add("Email template '" + name + "': variant '" + variant + "' of slot '" + slot + "' names " + file
            + ", which is not found " + files.whereTheyAre());
        return;
      }
      try {
        process(name, file, sample);
      } catch (TemplateException broken) {
        problems.add(broken.getMessage());
      }
    }));
    return problems;
  }

  private Optional<Map<String, Map<String, String>>> variantFiles(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty(); // no such template: nothing to read, and nothing to keep for it
    }
    var now = System.currentTimeMillis();
    var read = variantFilesRead.get(name);
    // Shipped files never change; an override directory's are read again after the same time as its templates.
    if (read == null
        || settings.overrideDirectory() != null && now - read.readAtMs() > ThymeleafEngine.OVERRIDE_TTL_MS) {
      read = new ReadVariants(files.read(name + VariantFiles.SUFFIX).map(yaml -> VariantFiles.parse(name, yaml)), now);
      variantFilesRead.put(name, read);
    }
    return read.files();
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
