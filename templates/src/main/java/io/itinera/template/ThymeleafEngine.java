package io.itinera.template;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * A Thymeleaf engine that looks for a template in the override directory first and on the classpath
 * second; {@code *.txt} files are TEXT templates, all others HTML.
 */
final class ThymeleafEngine {

  /** How long an override file is cached: edits show up within this time, without a restart. */
  static final long OVERRIDE_TTL_MS = 5_000;

  private ThymeleafEngine() {
  }

  static TemplateEngine create(Path overrideDirectory, ClassLoader classLoader) {
    var dialect = new StandardDialect();
    // SpEL, as in the Spring app, so the same expressions work in both (OGNL is not on the classpath).
    dialect.setVariableExpressionEvaluator(SPELVariableExpressionEvaluator.INSTANCE);
    var engine = new TemplateEngine();
    engine.setDialect(dialect);
    if (overrideDirectory != null) {
      var overrides = new FileTemplateResolver();
      configure(overrides, OVERRIDE_TTL_MS);
      overrides.setPrefix(overrideDirectory.toAbsolutePath() + File.separator);
      overrides.setOrder(1);
      engine.addTemplateResolver(overrides);
    }
    var shipped = new ClassLoaderTemplateResolver(classLoader);
    // A cached shipped template would hide an override file added later, so with overrides it expires too.
    configure(shipped, overrideDirectory == null ? null : OVERRIDE_TTL_MS);
    shipped.setPrefix(TemplateFiles.CLASSPATH_FOLDER);
    shipped.setOrder(2);
    engine.addTemplateResolver(shipped);
    return engine;
  }

  private static void configure(AbstractConfigurableTemplateResolver resolver, Long cacheTtlMs) {
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setTextTemplateModePatterns(Set.of("*" + TemplateFiles.TEXT));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setCacheTTLMs(cacheTtlMs);
  }
}
