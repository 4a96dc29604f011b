package io.itinera.preference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The topics defined in configuration ({@code itinera.topics.<name>.{default, label, description}}); a wrong
 * name or default fails start-up naming the key.
 */
@ConfigurationProperties("itinera")
public record TopicProperties(Map<String, Setting> topics) {

  public TopicProperties {
    topics = topics == null ? Map.of() : topics;
    topics.forEach((name, setting) -> {
      if (!name.matches(Topic.NAME)) {
        throw new IllegalArgumentException("itinera.topics." + name
            + ": a topic's name is 1 to 64 lower-case letters, digits and dashes");
      }
      if (!"opt-in".equals(setting.byDefault()) && !"opt-out".equals(setting.byDefault())) {
        throw new IllegalArgumentException("itinera.topics." + name + ".default must be 'opt-in' or 'opt-out', not '"
            + setting.byDefault() + "'");
      }
    });
  }

  /** The configured topics by name, in the configuration's order. */
  Map<String, Topic> defined() {
    var defined = new LinkedHashMap<String, Topic>();
    topics.forEach((name, setting) -> defined.put(name, new Topic(name, "opt-in".equals(setting.byDefault()),
        setting.label() == null ? name : setting.label(), setting.description(), true)));
    return defined;
  }

  /** One topic as configured: {@code default} is {@code opt-in} or {@code opt-out}. */
  public record Setting(@Name("default") String byDefault, String label, String description) {
  }
}
