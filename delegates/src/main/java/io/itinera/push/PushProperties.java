package io.itinera.push;

import io.itinera.outbox.DispatchSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web Push settings ({@code itinera.push.*}): the VAPID identity, how long push services keep an undelivered
 * message ({@code ttl}, the TTL header), the bound on each request to a push service ({@code timeout}, below
 * the dispatch lease), the {@code host:port} endpoints allowed although they are internal addresses (as for
 * webhooks), and how the dispatcher retries.
 */
@ConfigurationProperties("itinera.push")
public record PushProperties(Vapid vapid, Duration ttl, Duration timeout, List<String> allowedHosts,
    DispatchSettings dispatch) {

  public PushProperties {
    allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().filter(host -> !host.isBlank()).toList();
  }

  /**
   * The VAPID key pair (base64url, from {@code ITINERA_PUSH_VAPID_PUBLIC_KEY} / {@code _PRIVATE_KEY}) and
   * subject ({@code mailto:} or {@code https:}); {@code generate} (the embedded defaults) lets the app make a
   * pair once and keep it in the database when none is set.
   */
  public record Vapid(String publicKey, String privateKey, String subject, boolean generate) {
  }
}
