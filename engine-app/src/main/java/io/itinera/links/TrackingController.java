package io.itinera.links;

import io.itinera.content.ContentRewards;
import io.itinera.email.EmailLinks;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.itinera.email.Unsubscribes;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import io.itinera.preference.Topic;
import io.itinera.tracking.TrackingTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public links in every email: the open pixel, click redirects and unsubscribe. Each carries a
 * signed token; anything we did not sign is answered 404, so no link can be forged or turned into a
 * redirect to somewhere we never linked. Opens and clicks become events like any other, and reward the
 * content variants the message carried.
 */
@Controller
class TrackingController {

  private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

  private final TrackingTokens tokens;
  private final Outbox outbox;
  private final EventIntake intake;
  private final Unsubscribes unsubscribes;
  private final ContentRewards content;

  TrackingController(TrackingTokens tokens, Outbox outbox, EventIntake intake, Unsubscribes unsubscribes,
      ContentRewards content) {
    this.tokens = tokens;
    this.outbox = outbox;
    this.intake = intake;
    this.unsubscribes = unsubscribes;
    this.content = content;
  }

  @GetMapping("/t/o/{token}")
  ResponseEntity<byte[]> opened(@PathVariable String token) {
    var parts = signed(token, EmailLinks.OPEN, 2);
    message(parts.get(1)).ifPresent(message -> {
      track(message, "email_opened", Map.of(), "opened");
      content.opened(message.id());
    });
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_GIF)
        .cacheControl(CacheControl.noStore())
        .body(PIXEL);
  }

  @GetMapping("/t/c/{token}")
  ResponseEntity<Void> clicked(@PathVariable String token) {
    var parts = signed(token, EmailLinks.CLICK, 3);
    var target = parts.get(2);
    message(parts.get(1)).ifPresent(message -> {
      track(message, "email_clicked", Map.of("url", target), "clicked:" + Integer.toHexString(target.hashCode()));
      content.clicked(message.id());
    });
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }

  @GetMapping("/u/{token}")
  String confirmUnsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
    if (unsubscribes.check(unsubscribeMessage(token)) == Unsubscribes.Outcome.EXPIRED) {
      return expired(response);
    }
    model.addAttribute("token", token);
    model.addAttribute("topic", unsubscribes.topic(unsubscribeMessage(token)).map(Topic::label).orElse(null));
    return "unsubscribe";
  }

  /** The confirmation form and RFC 8058 one-click (body {@code List-Unsubscribe=One-Click}) alike: no login. */
  @PostMapping("/u/{token}")
  String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
    model.addAttribute("topic", unsubscribes.topic(unsubscribeMessage(token)).map(Topic::label).orElse(null));
    var outcome = unsubscribes.unsubscribe(unsubscribeMessage(token));
    return outcome == Unsubscribes.Outcome.EXPIRED ? expired(response) : "unsubscribed";
  }

  /** The message an unsubscribe link names; links sent before they became opaque also name the contact first. */
  private String unsubscribeMessage(String token) {
    var parts = tokens.verify(token)
        .filter(signed -> (signed.size() == 2 || signed.size() == 3) && signed.get(0).equals(EmailLinks.UNSUBSCRIBE))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return parts.get(parts.size() - 1);
  }

  private static String expired(HttpServletResponse response) {
    response.setStatus(HttpStatus.GONE.value());
    return "unsubscribe-expired";
  }

  private List<String> signed(String token, String kind, int size) {
    return tokens.verify(token)
        .filter(parts -> parts.size() == size && parts.get(0).equals(kind))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** The message may be gone with its erased contact; then there is nobody to track. */
  private Optional<OutboxMessage> message(String id) {
    return outbox.find(id);
  }

  /** One event per message (and link): reloading a pixel or clicking twice counts once. */
  private void track(OutboxMessage message, String type, Map<String, Object> extra, String dedupe) {
    var properties = new HashMap<String, Object>(extra);
    properties.put("messageId", message.id());
    properties.put("template", message.template());
    if (message.journeyKey() != null) {
      properties.put("journey", message.journeyKey());
    }
    intake.accept(new NewEvent(message.contactId(), type, properties, null, dedupe + ":" + message.id()));
  }
}
