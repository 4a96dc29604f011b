package io.itinera.preference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The topics marketing sends may name: those of the configuration (read-only) and those defined through the API.
 * A configured name always wins, so an API definition can never change what the configuration promises.
 */
@Service
@EnableConfigurationProperties(TopicProperties.class)
public class Topics {

  private final Map<String, Topic> configured;
  private final TopicDefinitions definitions;
  private final Clock clock;

  Topics(TopicProperties properties, TopicDefinitions definitions, Clock clock) {
    this.configured = properties.defined();
    this.definitions = definitions;
    this.clock = clock;
  }

  public Optional<Topic> find(String name) {
    var topic = configured.get(name);
    return topic != null ? Optional.of(topic) : definitions.find(name);
  }

  /** Every topic, the configured ones first. */
  public List<Topic> all() {
    var all = new ArrayList<>(configured.values());
    definitions.all().stream().filter(topic -> !configured.containsKey(topic.name())).forEach(all::add);
    return all;
  }

  /**
   * Defines or redefines a topic through the API; true if it is new.
   *
   * @throws IllegalStateException if the configuration defines it
   */
  public boolean define(Topic topic) {
    if (configured.containsKey(topic.name())) {
      throw new IllegalStateException("Topic '" + topic.name() + "' is defined in the configuration"
          + " (itinera.topics." + topic.name() + ") and cannot be changed through the API");
    }
    return definitions.save(topic, clock.instant());
  }
}
