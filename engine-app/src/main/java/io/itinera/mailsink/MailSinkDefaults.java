package io.itinera.mailsink;

import io.itinera.security.EmbeddedDatabase;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides whether email goes to the embedded mail sink. It does on the embedded defaults when no
 * SMTP server is set. Anywhere else it would show every email, address and signed link to whoever
 * asks, and the outbox would say SENT while nothing is delivered: there the sink is off unless
 * {@code ITINERA_MAIL_SINK_ENABLED=true}, and then only the administrators may read it. An app with
 * neither an SMTP server nor the sink refuses to start.
 */
public class MailSinkDefaults implements EnvironmentPostProcessor {

  static final String ENABLED = "itinera.mail-sink.enabled";
  static final String LOGIN_REQUIRED = "itinera.mail-sink.login-required";
  private static final String SMTP_HOST = "spring.mail.host";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var embedded = EmbeddedDatabase.inUse(environment);
    var smtpServer = environment.containsProperty(SMTP_HOST);
    var enabled = !smtpServer && environment.getProperty(ENABLED, Boolean.class, embedded);
    if (!smtpServer && !enabled) {
      throw new IllegalStateException("No SMTP server is set: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, "
          + "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD), or ITINERA_MAIL_SINK_ENABLED=true to keep every email "
          + "in the embedded mail sink, readable by administrators at /mail-sink, delivered to nobody.");
    }
    environment.getPropertySources().addFirst(new MapPropertySource("itineraMailSink",
        Map.of(ENABLED, enabled, LOGIN_REQUIRED, enabled && !embedded)));
  }
}
