package io.itinera.email;

import io.itinera.outbox.DispatchSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email settings ({@code itinera.email.*}): who sends, where the links point, the templates
 * directory that overrides the shipped templates, the marketing frequency cap, and how the
 * dispatcher retries.
 */
@ConfigurationProperties("itinera.email")
public record EmailProperties(
    String from,
    String fromName,
    String postalAddress,
    String baseUrl,
    Path templatesDirectory,
    FrequencyCap frequencyCap,
    DispatchSettings dispatch,
    int softBounceLimit) {

  /** At most {@code max} marketing emails per {@code window}, and at least {@code minGap} apart. */
  public record FrequencyCap(int max, Duration window, Duration minGap) {
  }

  /** The domain of the sender address, for Message-IDs and the unsubscribe mailbox. */
  public String domain() {
    return from.substring(from.indexOf('@') + 1);
  }
}
