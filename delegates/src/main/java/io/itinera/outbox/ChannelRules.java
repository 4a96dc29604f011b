package io.itinera.outbox;

import io.itinera.contact.Contacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The rules a marketing message obeys whatever its channel, read from every channel's outbox in the caller's
 * transaction: cross-channel suppression by topic, the spacing of the message's channel from any other
 * message, and the frequency cap over all channels. Each message counts at the time it went or is due to go,
 * so one held by quiet hours counts when it will arrive. Transactional messages neither obey nor count. The
 * check locks the contact's row until the caller's transaction ends: two journeys sending to one contact at
 * the same moment take turns, so the second sees the first's message.
 */
@Service
@EnableConfigurationProperties(ChannelProperties.class)
public class ChannelRules {

  /** Quiet hours hold a message at most this long, so older messages can no longer be near a new one. */
  private static final Duration LONGEST_HOLD = Duration.ofDays(1);

  private final Contacts contacts;
  private final List<OutboxRows<?>> outboxes;
  private final ChannelProperties properties;

  ChannelRules(Contacts contacts, List<OutboxRows<?>> outboxes, ChannelProperties properties) {
    this.contacts = contacts;
    this.outboxes = outboxes;
    this.properties = properties;
  }

  /** Why a marketing message on {@code channel} about {@code topic} (or null), due at {@code due}, is skipped; null if it may go. */
  public Skip reasonToSkip(String contactId, String channel, String topic, Instant due) {
    contacts.findForUpdate(contactId);
    var spacing = properties.spacingOf(channel);
    var cap = properties.frequencyCap();
    var reach = Stream.of(spacing, cap.window(), properties.topicWindow()).max(Comparator.naturalOrder()).orElseThrow();
    var touches = outboxes.stream()
        .flatMap(outbox -> outbox.marketingSince(contactId, due.minus(reach).minus(LONGEST_HOLD)).stream())
        .toList();
    if (topic != null) {
      var sameTopic = nearest(touches.stream()
          .filter(touch -> topic.equals(touch.topic()) && !channel.equals(touch.channel())), due);
      if (sameTopic != null && apart(sameTopic, due).compareTo(properties.topicWindow()) < 0) {
        return new Skip(Skip.TOPIC, "topic '" + topic + "': " + article(sameTopic.channel()) + " message about it "
            + when(sameTopic, due) + ", within the " + properties.topicWindow() + " one topic keeps other channels quiet");
      }
    }
    var closest = nearest(touches.stream(), due);
    if (closest != null && apart(closest, due).compareTo(spacing) < 0) {
      return new Skip(Skip.SPACING, "spacing: " + article(closest.channel()) + " message " + when(closest, due)
          + ", and " + label(channel) + " keeps " + spacing + " from any other message");
    }
    var counted = touches.stream().filter(touch -> apart(touch, due).compareTo(cap.window()) < 0).count();
    if (counted >= cap.max()) {
      return new Skip(Skip.FREQUENCY_CAP, "frequency cap: " + counted + " marketing messages on all channels within "
          + cap.window() + " of this one (at most " + cap.max() + ")");
    }
    return null;
  }

  private static Touch nearest(Stream<Touch> touches, Instant due) {
    return touches.min(Comparator.comparing(touch -> apart(touch, due))).orElse(null);
  }

  private static Duration apart(Touch touch, Instant due) {
    return Duration.between(touch.at(), due).abs();
  }

  private static String when(Touch touch, Instant due) {
    return (touch.at().isAfter(due) ? "is due " : "went out ") + apart(touch, due).withNanos(0)
        + (touch.at().isAfter(due) ? " after" : " before") + " this one";
  }

  private static String label(String channel) {
    return "sms".equals(channel) ? "SMS" : channel;
  }

  private static String article(String channel) {
    return ("email".equals(channel) ? "an " : "sms".equals(channel) ? "an " : "a ") + label(channel);
  }

  /** A rule's reason to skip: its code for metrics ({@code topic}, {@code spacing}, {@code frequency_cap}) and its text. */
  public record Skip(String code, String text) {

    public static final String TOPIC = "topic";
    public static final String SPACING = "spacing";
    public static final String FREQUENCY_CAP = "frequency_cap";

    /** The code as an enum constant's name, for channels that count skips by an enum. */
    public String constant() {
      return code.toUpperCase(Locale.ROOT);
    }
  }
}
