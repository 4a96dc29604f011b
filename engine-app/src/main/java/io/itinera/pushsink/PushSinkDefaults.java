package io.itinera.pushsink;

import io.itinera.security.EmbeddedDatabase;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides whether the embedded push service runs: on the embedded defaults, or elsewhere with {@code
 * ITINERA_PUSH_SINK_ENABLED=true}, and then its pages only for administrators. With it on and no
 * {@code itinera.push.allowed-hosts} set, push may go to this app's own port on 127.0.0.1 (push endpoints
 * are refused on internal addresses otherwise, as webhooks are). On the embedded defaults only, a missing
 * VAPID pair is generated once and kept in the database ({@code itinera.push.vapid.generate}).
 */
public class PushSinkDefaults implements EnvironmentPostProcessor {

  static final String ENABLED = "itinera.push-sink.enabled";
  static final String LOGIN_REQUIRED = "itinera.push-sink.login-required";
  private static final String GENERATE = "itinera.push.vapid.generate";
  private static final String ALLOWED_HOSTS = "itinera.push.allowed-hosts";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var embedded = EmbeddedDatabase.inUse(environment);
    var enabled = environment.getProperty(ENABLED, Boolean.class, embedded);
    var settings = new HashMap<String, Object>();
    settings.put(ENABLED, enabled);
    settings.put(LOGIN_REQUIRED, enabled && !embedded);
    settings.put(GENERATE, environment.getProperty(GENERATE, Boolean.class, embedded));
    if (enabled && environment.getProperty(ALLOWED_HOSTS, "").isBlank()) {
      var port = environment.getProperty("server.port", Integer.class, 8080);
      // Port 0 (tests) is chosen when the server starts, after this runs: any loopback port then.
      settings.put(ALLOWED_HOSTS, "127.0.0.1:" + (port == 0 ? "*" : port));
    }
    environment.getPropertySources().addFirst(new MapPropertySource("itineraPushSink", settings));
  }
}
