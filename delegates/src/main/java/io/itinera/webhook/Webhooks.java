package io.itinera.webhook;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Named webhook endpoints from configuration ({@code itinera.webhook.urls.crm=https://…}), so a
 * journey says {@code ${webhooks.url('crm')}} and each installation points it at its own system.
 */
@Component
public class Webhooks {

  private final WebhookProperties properties;

  public Webhooks(WebhookProperties properties) {
    this.properties = properties;
  }

  public String url(String name) {
    var url = properties.urls().get(name);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("No webhook URL named '" + name + "': set itinera.webhook.urls." + name
          + " (or ITINERA_WEBHOOK_URLS_" + name.toUpperCase(Locale.ROOT) + ")");
    }
    return url;
  }
}
