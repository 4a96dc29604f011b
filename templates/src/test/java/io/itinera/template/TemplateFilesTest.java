package io.itinera.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFilesTest {

  @TempDir
  Path folder;

  @Test
  void listsTheTemplatesShippedInAJarWithoutItsPartials() throws IOException {
    var jar = folder.resolve("templates.jar");
    try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (var entry : new String[] {"email/", "email/layout.html", "email/footer.txt", "email/welcome.subject.txt",
          "email/welcome.html", "email/welcome.txt", "email/orphan.html", "email/drafts/old.html", "other/x.html"}) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }

    try (var classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      var files = new TemplateFiles(null, classLoader);

      assertThat(files.shipped()).containsExactly("orphan", "welcome");
      assertThat(files.exists("welcome.html")).isTrue();
      assertThat(files.exists("nope.html")).isFalse();
    }
  }
}
