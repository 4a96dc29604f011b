package io.itinera.links;

import io.itinera.contact.ChannelConsents;
import io.itinera.contact.Consent;
import io.itinera.contact.Contact;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.Contacts;
import io.itinera.email.EmailLinks;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.itinera.preference.PreferenceChanges;
import io.itinera.preference.Preferences;
import io.itinera.preference.Topics;
import io.itinera.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The hosted preference page every marketing email links to ({@code /p/{token}}): topics per channel, a pause of
 * all marketing, or an unsubscribe from everything. A plain HTML form, no script. The URL's signed token names the
 * email, and so its contact; an altered token is a 404. Against cross-site requests the page has no cookie to ride
 * on, and a POST must carry the signed form stamp that only the page itself hands out (for one day): another site
 * can neither know the token nor read the stamp.
 */
@Controller
class PreferenceController {

  /** The signed stamp of a form the page rendered: it names the email and when it was shown. */
  private static final String FORM = "pf";
  private static final Duration FORM_VALIDITY = Duration.ofDays(1);

  private final TrackingTokens tokens;
  private final Outbox outbox;
  private final Contacts contacts;
  private final ChannelConsents consents;
  private final Topics topics;
  private final Preferences preferences;
  private final PreferenceChanges changes;
  private final Clock clock;

  PreferenceController(TrackingTokens tokens, Outbox outbox, Contacts contacts, ChannelConsents consents,
      Topics topics, Preferences preferences, PreferenceChanges changes, Clock clock) {
    this.tokens = tokens;
    this.outbox = outbox;
    this.contacts = contacts;
    this.consents = consents;
    this.topics = topics;
    this.preferences = preferences;
    this.changes = changes;
    this.clock = clock;
  }

  @GetMapping("/p/{token}")
  String show(@PathVariable String token, @RequestParam(required = false) String saved, Model model) {
    var contact = contactOf(token);
    var now = clock.instant();
    var channels = channels(contact);
    var subscriptions = preferences.subscriptions(contact.id(), channels);
    var rows = new ArrayList<TopicRow>();
    for (var topic : topics.all()) {
      var shown = subscriptions.get(topic.name());
      if (shown == null) {
        continue; // defined a moment ago, after the subscriptions were read
      }
      var boxes = new ArrayList<Box>();
      channels.forEach(channel -> boxes.add(new Box(topic.name() + ":" + channel, topic.name() + "-" + channel,
          label(channel), shown.get(channel).subscribed())));
      rows.add(new TopicRow(topic.label(), topic.description(), boxes));
    }
    model.addAttribute("token", token);
    model.addAttribute("form", tokens.sign(FORM, messageOf(token), String.valueOf(now.getEpochSecond())));
    model.addAttribute("topics", rows);
    model.addAttribute("shown", rows.stream().flatMap(row -> row.boxes().stream()).map(Box::value)
        .collect(Collectors.joining(" ")));
    model.addAttribute("pausedUntil", preferences.pausedUntil(contact.id(), now)
        .map(until -> until.atZone(contact.timezone()).toLocalDate().toString()).orElse(null));
    model.addAttribute("saved", saved);
    model.addAttribute("unsubscribed", contact.unsubscribedAt() != null);
    return "preferences";
  }

  /**
   * Every box shown and not sent was unticked: an HTML form sends only the ticked ones. The page lists the boxes
   * it showed, so a topic defined, or a channel opened, after it was shown is not taken as unticked. Only the
   * boxes that differ from what the contact had are recorded, so the others keep their evidence (or their
   * topic's default).
   */
  @PostMapping("/p/{token}")
  String save(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response) {
    var contact = contactOf(token);
    if (!freshForm(form.getFirst("form"), messageOf(token))) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return "preferences-stale";
    }
    if ("unsubscribe-all".equals(form.getFirst("action"))) {
      changes.unsubscribeFromEverything(contact.id(), List.of(ContactPatch.EMAIL, Consent.SMS, Consent.PUSH));
      return "redirect:/p/" + token + "?saved=unsubscribed";
    }
    var ticked = form.getOrDefault("topic", List.of());
    var shown = shown(form.getFirst("shown"));
    var channels = channels(contact);
    var choices = new LinkedHashMap<String, Map<String, Boolean>>();
    preferences.subscriptions(contact.id(), channels).forEach((topic, had) -> {
      var byChannel = new LinkedHashMap<String, Boolean>();
      channels.stream().filter(channel -> shown.test(topic + ":" + channel)).forEach(channel -> {
        var wants = ticked.contains(topic + ":" + channel);
        if (wants != had.get(channel).subscribed()) {
          byChannel.put(channel, wants);
        }
      });
      if (!byChannel.isEmpty()) {
        choices.put(topic, byChannel);
      }
    });
    changes.save(contact.id(), choices, pauseUntil(form.getFirst("pause"), contact));
    return "redirect:/p/" + token + "?saved=choices";
  }

  /**
   * The boxes the page showed ({@code topic:channel}, space-separated). A page the previous release rendered (its
   * stamp lasts a day) does not list them: every box of today stands in, as that release took them.
   */
  private static Predicate<String> shown(String boxes) {
    return boxes == null ? box -> true : Set.copyOf(Arrays.asList(boxes.split(" ")))::contains;
  }

  /** {@code week}, {@code month} (in the contact's calendar), {@code none} (resume now), or anything else: as it is. */
  private Instant pauseUntil(String pause, Contact contact) {
    var now = clock.instant();
    return switch (pause == null ? "" : pause) {
      case "week" -> now.plus(Duration.ofDays(7));
      case "month" -> now.atZone(contact.timezone()).plusMonths(1).toInstant();
      case "none" -> now;
      default -> null;
    };
  }

  /** Email always; SMS for a contact with a number; push while it grants push consent. */
  private List<String> channels(Contact contact) {
    var channels = new ArrayList<String>();
    channels.add(ContactPatch.EMAIL);
    if (contact.phone() != null) {
      channels.add(Consent.SMS);
    }
    if (consents.of(contact.id(), Consent.PUSH).filter(Consent::granted).isPresent()) {
      channels.add(Consent.PUSH);
    }
    return channels;
  }

  private boolean freshForm(String stamp, String messageId) {
    return stamp != null && tokens.verify(stamp)
        .filter(parts -> parts.size() == 3 && parts.get(0).equals(FORM) && parts.get(1).equals(messageId))
        .map(parts -> Instant.ofEpochSecond(Long.parseLong(parts.get(2))).plus(FORM_VALIDITY).isAfter(clock.instant()))
        .orElse(false);
  }

  private Contact contactOf(String token) {
    return outbox.find(messageOf(token)).map(OutboxMessage::contactId).flatMap(contacts::find)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private String messageOf(String token) {
    return tokens.verify(token)
        .filter(parts -> parts.size() == 2 && parts.get(0).equals(EmailLinks.PREFERENCES))
        .map(parts -> parts.get(1))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static String label(String channel) {
    return switch (channel) {
      case "sms" -> "SMS";
      case "push" -> "Browser notifications";
      default -> "Email";
    };
  }

  /** One topic: its checkboxes, one per channel. */
  record TopicRow(String label, String description, List<Box> boxes) {
  }

  /** {@code value} is {@code topic:channel}; {@code id} ties the label to the box. */
  record Box(String value, String id, String label, boolean checked) {
  }
}
