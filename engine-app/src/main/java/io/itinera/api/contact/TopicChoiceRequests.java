package io.itinera.api.contact;

import io.itinera.api.InvalidFieldException;
import io.itinera.contact.TopicChoices;
import io.itinera.outbox.ChannelProperties;
import io.itinera.preference.Topics;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks the {@code topics} of an identify call against the defined topics and the channels, naming the entry at fault. */
@Component
class TopicChoiceRequests {

  private final Topics topics;

  TopicChoiceRequests(Topics topics) {
    this.topics = topics;
  }

  TopicChoices choices(Map<String, Map<String, Boolean>> requested, String source) {
    if (requested == null || requested.isEmpty()) {
      return TopicChoices.NONE;
    }
    if (source == null || source.isBlank()) {
      throw new InvalidFieldException("topicsSource", "Say where the topic choices come from (such as 'app-settings'):"
          + " they are kept as consent evidence");
    }
    requested.forEach((topic, byChannel) -> {
      if (topics.find(topic).isEmpty()) {
        throw new InvalidFieldException("topics." + topic, "There is no topic '" + topic + "': define it in"
            + " itinera.topics or with PUT /api/topics/" + topic);
      }
      if (byChannel == null) {
        throw new InvalidFieldException("topics." + topic, "Give the channels as {\"email\": true, \"sms\": false}");
      }
      byChannel.forEach((channel, subscribed) -> {
        if (!ChannelProperties.KNOWN.contains(channel)) {
          throw new InvalidFieldException("topics." + topic + "." + channel, "'" + channel + "' is not a channel: use "
              + ChannelProperties.KNOWN);
        }
        if (subscribed == null) {
          throw new InvalidFieldException("topics." + topic + "." + channel, "must be true (join) or false (leave)");
        }
      });
    });
    return new TopicChoices(requested, source);
  }
}
