package io.itinera.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The template files: those in the override directory, if any, then those shipped on the classpath
 * under {@code email/}. Answers which files exist so that a missing part is found before anything renders.
 */
final class TemplateFiles {

  static final String CLASSPATH_FOLDER = "email/";
  static final String SUBJECT = ".subject.txt";
  static final String HTML = ".html";
  static final String TEXT = ".txt";

  /** Files that other templates include; they are not emails of their own. */
  private static final Set<String> PARTIALS = Set.of("layout", "footer");

  private final Path overrideDirectory;
  private final ClassLoader classLoader;
  /** Whether each file was there, and when that was seen: every send asks about the same few files. */
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  private record Seen(boolean exists, long atMs) {
  }

  TemplateFiles(Path overrideDirectory, ClassLoader classLoader) {
    this.overrideDirectory = overrideDirectory;
    this.classLoader = classLoader;
  }

  boolean exists(String file) {
    var now = System.currentTimeMillis();
    var known = seen.get(file);
    // Shipped files never change; the override directory is looked at again after the time its templates are cached.
    if (known == null || overrideDirectory != null && now - known.atMs() > ThymeleafEngine.OVERRIDE_TTL_MS) {
      known = new Seen(isThere(file), now);
      seen.put(file, known);
    }
    return known.exists();
  }

  private boolean isThere(String file) {
    return overrideDirectory != null && Files.isRegularFile(overrideDirectory.resolve(file))
        || classLoader.getResource(CLASSPATH_FOLDER + file) != null;
  }

  /** The file's text, from the override directory first; empty if there is no such file. */
  Optional<String> read(String file) {
    try {
      if (overrideDirectory != null && Files.isRegularFile(overrideDirectory.resolve(file))) {
        return Optional.of(Files.readString(overrideDirectory.resolve(file)));
      }
      try (var in = classLoader.getResourceAsStream(CLASSPATH_FOLDER + file)) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the email template file " + file, e);
    }
  }

  String whereTheyAre() {
    var shipped = "on the classpath under " + CLASSPATH_FOLDER;
    return overrideDirectory == null ? shipped : "in " + overrideDirectory + " or " + shipped;
  }

  /** Every name with a subject or an HTML body on the classpath, so a template lacking the other shows up too. */
  SortedSet<String> shipped() {
    var names = new TreeSet<String>();
    for (var file : classpathFiles()) {
      var name = file.endsWith(SUBJECT) ? strip(file, SUBJECT) : file.endsWith(HTML) ? strip(file, HTML) : null;
      if (name != null && !PARTIALS.contains(name)) {
        names.add(name);
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /** The files right in the folder, in every jar and directory of the classpath (Spring walks both alike). */
  private List<String> classpathFiles() {
    try {
      return Stream.of(new PathMatchingResourcePatternResolver(classLoader)
              .getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + CLASSPATH_FOLDER + "*"))
          .filter(Resource::isReadable)
          .map(Resource::getFilename)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the shipped email templates", e);
    }
  }

  private static String strip(String file, String suffix) {
    return file.substring(0, file.length() - suffix.length());
  }
}
