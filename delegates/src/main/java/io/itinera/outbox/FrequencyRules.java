package io.itinera.outbox;

import io.itinera.preference.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The frequency rules in force: the list set through the API when there is one (an empty one means no rule),
 * else {@code itinera.channels.frequency-rules}. Read from the database on every call, without a cache, so every
 * node applies a change from its next send on.
 */
@Service
public class FrequencyRules {

  /** The request body's field that holds the list: mistakes are named under it, {@code rules[2].topic}. */
  private static final String FIELD = "rules";

  private final ChannelProperties properties;
  private final StoredFrequencyRules stored;
  private final Topics topics;
  private final TransactionTemplate transaction;
  private final Clock clock;

  FrequencyRules(ChannelProperties properties, StoredFrequencyRules stored, Topics topics,
      TransactionTemplate transaction, Clock clock) {
    this.properties = properties;
    this.stored = stored;
    this.topics = topics;
    this.transaction = transaction;
    this.clock = clock;
  }

  public InForce inForce() {
    return stored.find().map(rules -> new InForce(rules, Source.API))
        .orElseGet(() -> new InForce(properties.frequencyRules(), Source.CONFIGURATION));
  }

  /**
   * Replaces the rules in force with {@code rules}, whole, in one transaction; or, when a rule is wrong, changes
   * nothing and returns the first mistake, named as in a request body: {@code rules[2].topic}. Beyond the
   * configuration's checks, a topic must be defined (configured or through the API).
   */
  public Optional<FrequencyRule.Mistake> replace(List<FrequencyRule> rules) {
    var mistake = FrequencyRule.firstMistake(FIELD, rules).or(() -> unknownTopic(rules));
    if (mistake.isEmpty()) {
      transaction.executeWithoutResult(status -> stored.replace(rules, clock.instant()));
    }
    return mistake;
  }

  /** Back to the configured rules; true if the API had set some. */
  public boolean useConfiguration() {
    return stored.clear();
  }

  private Optional<FrequencyRule.Mistake> unknownTopic(List<FrequencyRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      var topic = rules.get(i).topic();
      if (topic != null && topics.find(topic).isEmpty()) {
        return Optional.of(new FrequencyRule.Mistake(FIELD + "[" + i + "].topic", "'" + topic
            + "' is no topic: define it first (GET /api/topics lists them)"));
      }
    }
    return Optional.empty();
  }

  /** The rules in force, in their order, and where they come from. */
  public record InForce(List<FrequencyRule> rules, Source source) {
  }

  /** Where the rules in force come from. */
  public enum Source {
    CONFIGURATION, API
  }
}
