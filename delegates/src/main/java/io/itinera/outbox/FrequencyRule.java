package io.itinera.outbox;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code max} marketing messages in any {@code days} consecutive calendar days of the contact's zone, on
 * one channel or all ({@code channel} null), about one topic or any ({@code topic} null). Only messages on its
 * channel and topic count, and only such messages obey it.
 */
public record FrequencyRule(String name, int max, int days, String channel, String topic) {

  /** Each marketing send is checked against every rule, so the list stays short. */
  static final int MOST_RULES = 20;

  /**
   * The first mistake in a list of rules, each named {@code list[i].field}, such as
   * {@code itinera.channels.frequency-rules[1].channel} or {@code rules[0].max}; empty when every rule is right.
   * Names must differ: a reason names its rule, so two rules of one name could not be told apart.
   */
  public static Optional<Mistake> firstMistake(String list, List<FrequencyRule> rules) {
    if (rules.size() > MOST_RULES) {
      return Optional.of(new Mistake(list, "at most " + MOST_RULES + " rules, not " + rules.size()
          + ": every marketing send counts against each of them"));
    }
    var names = new HashSet<String>();
    for (int i = 0; i < rules.size(); i++) {
      var key = list + "[" + i + "]";
      var rule = rules.get(i);
      if (rule == null) {
        return Optional.of(new Mistake(key, "must be a rule {name, max, days, channel?, topic?}"));
      }
      var mistake = rule.mistake(key);
      if (mistake == null && !names.add(rule.name)) {
        mistake = new Mistake(key + ".name", "'" + rule.name + "' names an earlier rule too: names must differ");
      }
      if (mistake != null) {
        return Optional.of(mistake);
      }
    }
    return Optional.empty();
  }

  /** Why the rule is wrong, naming its field under {@code key}; null when it is right. */
  private Mistake mistake(String key) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
      return new Mistake(key + ".name", "must be 1 to 64 letters, digits, spaces, dashes and underscores");
    }
    if (max < 1) {
      return new Mistake(key + ".max", "must be at least 1");
    }
    if (days < 1 || days > 366) {
      return new Mistake(key + ".days", "must be 1 to 366");
    }
    if (channel != null && !ChannelProperties.KNOWN.contains(channel)) {
      return new Mistake(key + ".channel", "must be one of " + ChannelProperties.KNOWN + ", not '" + channel + "'");
    }
    if (topic != null && !topic.matches(TopicStep.NAME)) {
      return new Mistake(key + ".topic", "must be 1 to 64 lower-case letters, digits and dashes");
    }
    return null;
  }

  /** A wrong field of a rule, by its full key, and what is wrong with it. */
  public record Mistake(String field, String problem) {

    /** {@code rules[0].max must be at least 1}. */
    public String message() {
      return field + " " + problem;
    }
  }

  boolean governs(String messageChannel, String messageTopic) {
    return (channel == null || channel.equals(messageChannel)) && (topic == null || topic.equals(messageTopic));
  }

  /**
   * The most messages this rule sees in any of its windows that hold {@code day} (the new message's day), given
   * the days of the messages it governs.
   */
  long busiestWindow(LocalDate day, List<LocalDate> governed) {
    long busiest = 0;
    for (int back = 0; back < days; back++) {
      var first = day.minusDays(back);
      var last = first.plusDays(days - 1L);
      busiest = Math.max(busiest, governed.stream().filter(at -> !at.isBefore(first) && !at.isAfter(last)).count());
    }
    return busiest;
  }

  /** For reasons: {@code 'weekly' (at most 3 in 7 days on all channels)}. */
  String describe() {
    return "'" + name + "' (at most " + max + " in " + days + (days == 1 ? " day" : " calendar days")
        + (channel == null ? " on all channels" : " on " + channel) + (topic == null ? "" : " about '" + topic + "'")
        + ")";
  }
}
