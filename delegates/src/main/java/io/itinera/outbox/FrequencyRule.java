package io.itinera.outbox;

import java.time.LocalDate;
import java.util.List;

/**
 * At most {@code max} marketing messages in any {@code days} consecutive calendar days of the contact's zone, on
 * one channel or all ({@code channel} null), about one topic or any ({@code topic} null). Only messages on its
 * channel and topic count, and only such messages obey it.
 */
public record FrequencyRule(String name, int max, int days, String channel, String topic) {

  /** Why the rule is wrong, naming the key under {@code key}; null when it is right. */
  public String mistake(String key) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
      return key + ".name must be 1 to 64 letters, digits, spaces, dashes and underscores";
    }
    if (max < 1) {
      return key + ".max must be at least 1";
    }
    if (days < 1 || days > 366) {
      return key + ".days must be 1 to 366";
    }
    if (channel != null && !ChannelProperties.KNOWN.contains(channel)) {
      return key + ".channel must be one of " + ChannelProperties.KNOWN + ", not '" + channel + "'";
    }
    if (topic != null && !topic.matches(TopicStep.NAME)) {
      return key + ".topic must be 1 to 64 lower-case letters, digits and dashes";
    }
    return null;
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
