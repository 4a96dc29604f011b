package io.itinera.webhook;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code itinera.webhook.*}): the secret that signs every request (from
 * {@code ITINERA_WEBHOOK_SECRET}), the {@code host:port} targets ({@link AllowedTarget}) that may be
 * called although they resolve to an internal address, and named endpoints ({@code urls.crm=https://…}).
 */
@ConfigurationProperties("itinera.webhook")
public record WebhookProperties(String secret, List<String> allowedHosts, Map<String, String> urls) {

  public WebhookProperties {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    urls = urls == null ? Map.of() : Map.copyOf(urls);
  }
}
