package io.itinera.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * Whether the app runs on its embedded defaults: an H2 database in memory or in a local file. Only
 * then may it start with demo credentials and an open mail sink. H2 over the network
 * ({@code jdbc:h2:tcp://}, {@code ssl://}) is somebody's server, so it counts as a real database.
 */
public final class EmbeddedDatabase {

  /** {@code mem:}, {@code file:} or a bare path; any other scheme (tcp, ssl, zip, …) is not embedded. */
  private static final Pattern LOCAL_H2 = Pattern.compile("jdbc:h2:(mem:|file:|(?![a-z][a-z0-9]+:)).*");

  private EmbeddedDatabase() {
  }

  public static boolean inUse(Environment environment) {
    return isLocalH2(environment.getProperty("spring.datasource.url", ""));
  }

  static boolean isLocalH2(String jdbcUrl) {
    return LOCAL_H2.matcher(jdbcUrl.strip().toLowerCase(Locale.ROOT)).matches();
  }
}
