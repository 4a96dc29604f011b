package io.itinera.security;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the Camunda administrator from {@code ITINERA_ADMIN_USER} / {@code ITINERA_ADMIN_PASSWORD}.
 * Without a password, only the embedded H2 database gets a demo/demo administrator; any other
 * database refuses to start, so no real installation runs with a known password.
 */
public class AdminAccountDefaults implements EnvironmentPostProcessor {

  static final String USER_VARIABLE = "ITINERA_ADMIN_USER";
  static final String PASSWORD_VARIABLE = "ITINERA_ADMIN_PASSWORD";
  static final String DEMO = "demo";

  private final Log log;

  public AdminAccountDefaults(DeferredLogFactory logs) {
    this.log = logs.getLog(AdminAccountDefaults.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var user = environment.getProperty(USER_VARIABLE, "admin");
    var password = environment.getProperty(PASSWORD_VARIABLE, "");
    if (password.isBlank()) {
      if (!usesEmbeddedDatabase(environment)) {
        throw new IllegalStateException(("No administrator password is set. Set the environment variable %s "
            + "(and %s, default 'admin'): only the embedded H2 database may run with the demo administrator.")
            .formatted(PASSWORD_VARIABLE, USER_VARIABLE));
      }
      user = DEMO;
      password = DEMO;
      log.warn("No " + PASSWORD_VARIABLE + " set: the embedded database gets the administrator demo/demo. "
          + "Never expose this installation; set " + PASSWORD_VARIABLE + " for anything but a try-out.");
    }
    environment.getPropertySources().addFirst(new MapPropertySource("itineraAdminAccount", Map.of(
        "camunda.bpm.admin-user.id", user,
        "camunda.bpm.admin-user.password", password)));
  }

  private static boolean usesEmbeddedDatabase(ConfigurableEnvironment environment) {
    return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
  }
}
