package io.itinera.outbox;

import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.controlgroup.ControlGroup;
import io.itinera.preference.Preferences;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The rules a marketing message obeys whatever its channel, read from every channel's outbox in the caller's
 * transaction, in this order: the contact's preferences (a pause, the topic's subscription), cross-channel
 * suppression by topic, the spacing of the message's channel from any other message, the frequency rules (all
 * applied, the first that fails wins; a step may wait for them instead of skipping), and last the global control
 * group, which withholds a message that would otherwise go. Each message counts at the time it went or is due to
 * go, so one held by quiet hours counts when it will arrive. Transactional messages neither obey nor count. The
 * check locks the contact's row until the caller's transaction ends: two journeys sending to one contact at the
 * same moment take turns, so the second sees the first's message.
 */
@Service
@EnableConfigurationProperties(ChannelProperties.class)
public class ChannelRules {

  /** Quiet hours hold a message at most this long, so older messages can no longer be near a new one. */
  private static final Duration LONGEST_HOLD = Duration.ofDays(1);

  private final Contacts contacts;
  private final Preferences preferences;
  private final ControlGroup controlGroup;
  private final List<OutboxRows<?>> outboxes;
  private final ChannelProperties properties;
  private final FrequencyRules frequencyRules;

  ChannelRules(Contacts contacts, Preferences preferences, ControlGroup controlGroup, List<OutboxRows<?>> outboxes,
      ChannelProperties properties, FrequencyRules frequencyRules) {
    this.contacts = contacts;
    this.preferences = preferences;
    this.controlGroup = controlGroup;
    this.outboxes = outboxes;
    this.properties = properties;
    this.frequencyRules = frequencyRules;
  }

  /**
   * Whether a message on {@code channel} about {@code topic} (or null), planned for {@code planned}, may go: as
   * planned, skipped or withheld with the reason, or (when the step waits) later, at the time the rules allow.
   * Transactional messages go as planned.
   */
  public Verdict check(String contactId, String channel, MessageCategory category, String topic, SendTime.Due planned,
      Pacing pacing) {
    if (category == MessageCategory.TRANSACTIONAL) {
      return new Verdict(null, planned.at(), planned.reason());
    }
    var due = planned.at();
    var zone = contacts.findForUpdate(contactId).map(Contact::timezone).orElse(ZoneId.of("UTC"));
    var preference = preferences.reasonToSkip(contactId, channel, topic, due);
    if (preference != null) {
      return Verdict.skip(new Skip(Skip.PREFERENCE, preference));
    }
    var rules = frequencyRules.inForce().rules();
    var touches = outboxes.stream()
        .flatMap(outbox -> outbox.marketingSince(contactId, due.minus(reach(rules))).stream()).toList();
    var skip = spacing(touches, channel, topic, due);
    if (skip == null) {
      skip = frequency(rules, touches, channel, topic, due, zone);
    }
    if (skip != null && Skip.FREQUENCY_RULE.equals(skip.code()) && pacing.waitWhenCapped()) {
      var waited = waitFor(rules, touches, channel, topic, due, zone, pacing, skip);
      return waited.skip() == null ? withheldOr(waited, contactId) : waited;
    }
    if (skip != null) {
      return Verdict.skip(skip);
    }
    return withheldOr(new Verdict(null, due, planned.reason()), contactId);
  }

  /**
   * The first day, at the same time, that every rule allows, within the step's longest wait; the reason names the
   * rule waited for. Skipped, with the rule, when no such day comes in time.
   */
  private Verdict waitFor(List<FrequencyRule> rules, List<Touch> touches, String channel, String topic, Instant due,
      ZoneId zone, Pacing pacing, Skip capped) {
    for (var day = 1; Duration.ofDays(day).compareTo(pacing.maxWait()) <= 0; day++) {
      var later = due.atZone(zone).plusDays(day).toInstant();
      if (spacing(touches, channel, topic, later) == null && frequency(rules, touches, channel, topic, later, zone) == null) {
        return new Verdict(null, later, "waiting for " + capped.text() + ": moved from " + due + " to " + later);
      }
    }
    return Verdict.skip(new Skip(Skip.FREQUENCY_RULE, capped.text() + "; skipped: the rules allow it no sooner than "
        + pacing.maxWait() + " from now"));
  }

  private Verdict withheldOr(Verdict verdict, String contactId) {
    if (controlGroup.isMember(contactId)) {
      return Verdict.skip(new Skip(Skip.WITHHELD, "withheld: the contact is in the global control group"));
    }
    return verdict;
  }

  /** Topic suppression across channels, then the channel's spacing. */
  private Skip spacing(List<Touch> touches, String channel, String topic, Instant due) {
    if (topic != null) {
      var sameTopic = nearest(touches.stream()
          .filter(touch -> topic.equals(touch.topic()) && !channel.equals(touch.channel())), due);
      if (sameTopic != null && apart(sameTopic, due).compareTo(properties.topicWindow()) < 0) {
        return new Skip(Skip.TOPIC, "topic '" + topic + "': " + article(sameTopic.channel()) + " message about it "
            + when(sameTopic, due) + ", within the " + properties.topicWindow() + " one topic keeps other channels quiet");
      }
    }
    var spacing = properties.spacingOf(channel);
    var closest = nearest(touches.stream(), due);
    if (closest != null && apart(closest, due).compareTo(spacing) < 0) {
      return new Skip(Skip.SPACING, "spacing: " + article(closest.channel()) + " message " + when(closest, due)
          + ", and " + label(channel) + " keeps " + spacing + " from any other message");
    }
    return null;
  }

  /**
   * How long before a new message others may still share a window with it: the widest rule, plus a message held by
   * quiet hours and one moved by the longest wait.
   */
  private Duration reach(List<FrequencyRule> rules) {
    var widest = Stream.concat(properties.spacing().values().stream(), Stream.of(properties.topicWindow(),
            Duration.ofDays(rules.stream().mapToInt(FrequencyRule::days).max().orElse(0) + 1L)))
        .max(Comparator.naturalOrder()).orElseThrow();
    return widest.plus(LONGEST_HOLD).plusDays(PacingStep.LONGEST_WAIT_DAYS);
  }

  /** The first frequency rule in force, in its order, that this message would break. */
  private Skip frequency(List<FrequencyRule> rules, List<Touch> touches, String channel, String topic, Instant due,
      ZoneId zone) {
    var day = due.atZone(zone).toLocalDate();
    for (var rule : rules) {
      if (!rule.governs(channel, topic)) {
        continue;
      }
      var governed = touches.stream().filter(touch -> rule.governs(touch.channel(), touch.topic()))
          .map(touch -> touch.at().atZone(zone).toLocalDate()).toList();
      var busiest = rule.busiestWindow(day, governed);
      if (busiest >= rule.max()) {
        return new Skip(Skip.FREQUENCY_RULE, "frequency rule " + rule.describe() + ": " + busiest
            + " already counted in a window that holds this one");
      }
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

  static String label(String channel) {
    return "sms".equals(channel) ? "SMS" : channel;
  }

  private static String article(String channel) {
    return ("email".equals(channel) ? "an " : "sms".equals(channel) ? "an " : "a ") + label(channel);
  }

  /**
   * A rule's reason to skip: its code for metrics ({@code preference}, {@code topic}, {@code spacing},
   * {@code frequency_rule}, {@code withheld}) and its text. A withheld message is recorded as {@code WITHHELD}.
   */
  public record Skip(String code, String text) {

    /** No address, phone or subscription, or no consent: each channel says which. */
    public static final String UNREACHABLE = "unreachable";
    public static final String PREFERENCE = "preference";
    public static final String TOPIC = "topic";
    public static final String SPACING = "spacing";
    public static final String FREQUENCY_RULE = "frequency_rule";
    public static final String WITHHELD = "withheld";

    /** The code as an enum constant's name, for channels that count skips by an enum. */
    public String constant() {
      return code.toUpperCase(Locale.ROOT);
    }

    /** The status the message is recorded with. */
    public MessageStatus status() {
      return WITHHELD.equals(code) ? MessageStatus.WITHHELD : MessageStatus.SKIPPED;
    }
  }

  /**
   * The rules' answer: {@code skip} set, or the message goes at {@code at} with {@code reason} saying why then
   * (the send time's reason, or the wait's).
   */
  public record Verdict(Skip skip, Instant at, String reason) {

    public static Verdict skip(Skip skip) {
      return new Verdict(skip, null, null);
    }
  }
}
