package io.itinera.preference;

import io.itinera.contact.TopicsChosen;
import io.itinera.preference.TopicSubscriptions.Subscription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a contact chose about marketing beyond consent per channel: the topics it joined or left on each channel,
 * and a pause of all marketing. The channel rules ask {@link #reasonToSkip} before every marketing send; reads
 * and writes join the caller's transaction.
 */
@Service
public class Preferences {

  private final Topics topics;
  private final TopicSubscriptions subscriptions;
  private final MarketingPauses pauses;

  Preferences(Topics topics, TopicSubscriptions subscriptions, MarketingPauses pauses) {
    this.topics = topics;
    this.subscriptions = subscriptions;
    this.pauses = pauses;
  }

  /**
   * Why a marketing message on {@code channel} about {@code topic} (or null), due at {@code due}, may not go,
   * or null: a pause that lasts past it, a topic nobody defined, or the contact's subscription to the topic.
   */
  public String reasonToSkip(String contactId, String channel, String topic, Instant due) {
    var paused = pauses.until(contactId).filter(due::isBefore);
    if (paused.isPresent()) {
      return "the contact paused all marketing until " + paused.get();
    }
    if (topic == null) {
      return null;
    }
    var defined = topics.find(topic);
    if (defined.isEmpty()) {
      return "topic '" + topic + "' is not defined: define it in itinera.topics." + topic + " or with PUT /api/topics/"
          + topic;
    }
    var choice = subscriptions.of(contactId, topic, channel);
    if (choice.isPresent()) {
      return choice.get().subscribed() ? null : "the contact left topic '" + topic + "' on " + channel + " ("
          + choice.get().source() + ", " + choice.get().at() + ")";
    }
    return defined.get().optIn() ? "topic '" + topic + "' is opt-in and the contact never joined it on " + channel
        : null;
  }

  /** Per topic, per channel: whether the contact gets it, by its last choice (with the evidence) or by default. */
  public Map<String, Map<String, Choice>> subscriptions(String contactId, List<String> channels) {
    var chosen = new LinkedHashMap<String, Choice>();
    subscriptions.ofContact(contactId).forEach(choice -> chosen.put(choice.topic() + "|" + choice.channel(),
        new Choice(choice.subscribed(), choice.at(), choice.source())));
    var view = new LinkedHashMap<String, Map<String, Choice>>();
    for (var topic : topics.all()) {
      var byChannel = new LinkedHashMap<String, Choice>();
      channels.forEach(channel -> byChannel.put(channel,
          chosen.getOrDefault(topic.name() + "|" + channel, new Choice(!topic.optIn(), null, null))));
      view.put(topic.name(), byChannel);
    }
    return view;
  }

  /** Whether the contact gets a topic on a channel; {@code at} and {@code source} are null for the topic's default. */
  public record Choice(boolean subscribed, Instant at, String source) {
  }

  /** Until when the contact paused all marketing, if it did and the pause has not ended by {@code now}. */
  public Optional<Instant> pausedUntil(String contactId, Instant now) {
    return pauses.until(contactId).filter(now::isBefore);
  }

  /** In the identify call's transaction: the topic choices become the contact's subscriptions, with their evidence. */
  @EventListener
  void keep(TopicsChosen chosen) {
    chosen.choices().byTopic().forEach((topic, byChannel) -> byChannel.forEach((channel, subscribed) ->
        subscriptions.record(chosen.contactId(),
            new Subscription(topic, channel, subscribed, chosen.at(), chosen.choices().source()))));
  }
}
