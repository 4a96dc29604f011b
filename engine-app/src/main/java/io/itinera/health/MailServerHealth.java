package io.itinera.health;

import jakarta.mail.MessagingException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server as a component of {@code /actuator/health}. An outage is shown, but as
 * {@link #DEGRADED}, which does not take the app down: events are taken in and journeys run while
 * email waits in the outbox, so a load balancer must keep sending traffic to the node.
 */
@Component("mail")
class MailServerHealth implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "Email waits in the outbox until the SMTP server answers");

  private final JavaMailSenderImpl mail;

  MailServerHealth(JavaMailSenderImpl mail) {
    this.mail = mail;
  }

  @Override
  public Health health() {
    var server = mail.getHost() + ":" + mail.getPort();
    try {
      mail.testConnection();
      return Health.up().withDetail("server", server).build();
    } catch (MessagingException unreachable) {
      return Health.status(DEGRADED).withDetail("server", server).withDetail("error", unreachable.getMessage()).build();
    }
  }
}
