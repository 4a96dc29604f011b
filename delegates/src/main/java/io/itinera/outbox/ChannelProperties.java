package io.itinera.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules every marketing send obeys across channels ({@code itinera.channels.*}): the channel order for
 * contacts who set none, the frequency rules (all applied, the first that fails wins), the spacing each channel
 * keeps from any other message to the contact, and how long a topic on one channel suppresses it on the others.
 */
@ConfigurationProperties("itinera.channels")
public record ChannelProperties(List<String> order, List<FrequencyRule> frequencyRules, Map<String, Duration> spacing,
    Duration topicWindow) {

  /** The channels a journey can send on, each the name of its outbox. */
  public static final List<String> KNOWN = List.of("email", "sms", "push");

  public ChannelProperties {
    for (var channel : order) {
      if (!KNOWN.contains(channel)) {
        throw new IllegalArgumentException("itinera.channels.order names '" + channel + "': the channels are " + KNOWN);
      }
    }
    frequencyRules = frequencyRules == null ? List.of() : List.copyOf(frequencyRules);
    FrequencyRule.firstMistake("itinera.channels.frequency-rules", frequencyRules).ifPresent(mistake -> {
      throw new IllegalArgumentException(mistake.message());
    });
    spacing.keySet().stream().filter(channel -> !KNOWN.contains(channel)).findFirst().ifPresent(channel -> {
      throw new IllegalArgumentException("itinera.channels.spacing names '" + channel + "': the channels are " + KNOWN);
    });
  }

  /** How long a message on this channel keeps from any other marketing message to the contact. */
  public Duration spacingOf(String channel) {
    return spacing.getOrDefault(channel, Duration.ZERO);
  }
}
