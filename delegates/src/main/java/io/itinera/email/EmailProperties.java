package io.itinera.email;

import io.itinera.outbox.DispatchSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email settings ({@code itinera.email.*}): who sends, where the links point, the templates
 * directory that overrides the shipped templates, and how the dispatcher retries (the frequency cap
 * counts every channel: {@code itinera.channels}).
 */
@ConfigurationProperties("itinera.email")
public record EmailProperties(
    String from,
    String fromName,
    String postalAddress,
    String baseUrl,
    Path templatesDirectory,
    DispatchSettings dispatch,
    int softBounceLimit) {

  /** The domain of the sender address, for Message-IDs and the unsubscribe mailbox. */
  public String domain() {
    return from.substring(from.indexOf('@') + 1);
  }
}
