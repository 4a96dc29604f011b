package io.itinera.webhook;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code itinera.webhook.*}): the secret that signs every request (from
 * {@code ITINERA_WEBHOOK_SECRET}), and the hosts that may be called although they resolve to a
 * loopback, private or link-local address.
 */
@ConfigurationProperties("itinera.webhook")
public record WebhookProperties(String secret, List<String> allowedHosts) {

  public WebhookProperties {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
  }
}
