package io.itinera.security;

import java.util.HashMap;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes the Camunda administrator from {@code ITINERA_ADMIN_USER} / {@code ITINERA_ADMIN_PASSWORD},
 * the API keys from {@code ITINERA_API_KEYS} and the secret that signs email links from
 * {@code ITINERA_TRACKING_SECRET}; the webhook signing secret from {@code ITINERA_WEBHOOK_SECRET}.
 * Only the embedded database ({@link EmbeddedDatabase}) may run without them, with demo credentials
 * and a warning; any other database refuses to start, so no real installation runs with a known secret.
 */
public class CredentialDefaults implements EnvironmentPostProcessor {

  static final String USER_VARIABLE = "ITINERA_ADMIN_USER";
  static final String PASSWORD_VARIABLE = "ITINERA_ADMIN_PASSWORD";
  static final String API_KEYS_VARIABLE = "ITINERA_API_KEYS";
  static final String DEMO = "demo";
  static final String DEMO_API_KEY = "demo-api-key";
  static final String TRACKING_SECRET_VARIABLE = "ITINERA_TRACKING_SECRET";
  static final String DEMO_TRACKING_SECRET = "demo-tracking-secret-not-for-production";
  static final String WEBHOOK_SECRET_VARIABLE = "ITINERA_WEBHOOK_SECRET";
  static final String DEMO_WEBHOOK_SECRET = "demo-webhook-secret-not-for-production";

  private final Log log;

  public CredentialDefaults(DeferredLogFactory logs) {
    this.log = logs.getLog(CredentialDefaults.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var properties = new HashMap<String, Object>();
    var user = environment.getProperty(USER_VARIABLE, "admin");
    var password = environment.getProperty(PASSWORD_VARIABLE, "");
    if (password.isBlank()) {
      requireEmbeddedDatabase(environment, PASSWORD_VARIABLE + " (and " + USER_VARIABLE + ", default 'admin')");
      user = DEMO;
      password = DEMO;
      log.warn("No " + PASSWORD_VARIABLE + " set: the embedded database gets the administrator demo/demo. "
          + "Never expose this installation; set " + PASSWORD_VARIABLE + " for anything but a try-out.");
    }
    properties.put("camunda.bpm.admin-user.id", user);
    properties.put("camunda.bpm.admin-user.password", password);

    var apiKeys = environment.getProperty(API_KEYS_VARIABLE, "");
    if (apiKeys.isBlank()) {
      requireEmbeddedDatabase(environment, API_KEYS_VARIABLE + " (comma-separated API keys)");
      apiKeys = DEMO_API_KEY;
      log.warn("No " + API_KEYS_VARIABLE + " set: the embedded database accepts the API key '" + DEMO_API_KEY + "'.");
    }
    properties.put("itinera.api.keys", apiKeys);

    var trackingSecret = environment.getProperty(TRACKING_SECRET_VARIABLE, "");
    if (trackingSecret.isBlank()) {
      requireEmbeddedDatabase(environment, TRACKING_SECRET_VARIABLE + " (at least 16 characters, signs email links)");
      trackingSecret = DEMO_TRACKING_SECRET;
      log.warn("No " + TRACKING_SECRET_VARIABLE + " set: email links are signed with a demo secret.");
    }
    properties.put("itinera.tracking.secret", trackingSecret);

    // Optional: only webhook steps need it, and they fail with a clear incident without it.
    var webhookSecret = environment.getProperty(WEBHOOK_SECRET_VARIABLE, "");
    if (webhookSecret.isBlank() && EmbeddedDatabase.inUse(environment)) {
      webhookSecret = DEMO_WEBHOOK_SECRET;
    }
    properties.put("itinera.webhook.secret", webhookSecret);
    environment.getPropertySources().addFirst(new MapPropertySource("itineraCredentials", properties));
  }

  private static void requireEmbeddedDatabase(ConfigurableEnvironment environment, String variable) {
    if (!EmbeddedDatabase.inUse(environment)) {
      throw new IllegalStateException(("%s is not set. Set it in the environment: only the embedded H2 database "
          + "may run with demo credentials.").formatted(variable));
    }
  }
}
