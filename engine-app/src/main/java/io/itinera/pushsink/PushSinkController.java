package io.itinera.pushsink;

import io.itinera.push.PushKeys;
import io.itinera.push.VapidKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The embedded push service on the app's own port. {@code POST /push-sink/push/{token}} is a Web Push
 * endpoint (RFC 8030) that checks VAPID and {@code Content-Encoding: aes128gcm}, answers 201 with a Location,
 * or 410 for a subscription marked expired. {@code POST /push-sink/subscriptions} makes a subscription the
 * sink holds (it answers the PushSubscription JSON to register on a contact); {@code /push-sink} shows every
 * push taken, decrypted; {@code POST /push-sink/subscriptions/{token}/expire} tries the 410 path.
 */
@Controller
@ConditionalOnProperty(PushSinkDefaults.ENABLED)
@RequestMapping("/push-sink")
class PushSinkController {

  private static final String PUSH_PATH = "/push-sink/push/";
  /** RFC 8030 section 7.2: a push service takes at least 4096 bytes of payload; this one takes no more. */
  private static final int MAX_BODY = 4096;

  private final EmbeddedPushService service;
  private final VapidKeys vapid;
  private final Clock clock;

  PushSinkController(EmbeddedPushService service, VapidKeys vapid, Clock clock) {
    this.service = service;
    this.vapid = vapid;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("messages", service.all());
    return "push-sink";
  }

  @GetMapping(value = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<CaughtPush> messages() {
    return service.all();
  }

  /** A subscription as a browser's PushSubscription.toJSON() gives it, with its endpoint on this port. */
  @PostMapping(value = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @ResponseBody
  Map<String, Object> subscribe(HttpServletRequest request) {
    var subscription = service.subscribe(vapid.publicKey());
    var endpoint = "http://127.0.0.1:" + request.getLocalPort() + PUSH_PATH + subscription.token();
    var keys = Map.of("p256dh", PushKeys.base64Url(subscription.keys().getPublic()),
        "auth", PushKeys.base64Url(subscription.authSecret()));
    var json = new LinkedHashMap<String, Object>();
    json.put("endpoint", endpoint);
    json.put("expirationTime", null);
    json.put("keys", keys);
    return json;
  }

  @PostMapping("/subscriptions/{token}/expire")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void expire(@PathVariable String token) {
    if (!service.expire(token)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The push sink holds no subscription " + token);
    }
  }

  @PostMapping("/push/{token}")
  ResponseEntity<String> push(@PathVariable String token, @RequestBody(required = false) byte[] body,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding,
      @RequestHeader(value = "TTL", required = false) String ttl, HttpServletRequest request) {
    var subscription = service.find(token).orElse(null);
    if (subscription == null) {
      return answer(HttpStatus.NOT_FOUND, "no such subscription");
    }
    if (subscription.expired()) {
      return answer(HttpStatus.GONE, "the subscription expired");
    }
    var refusal = VapidCheck.refusal(authorization, subscription.applicationServerKey(),
        VapidKeys.origin(URI.create(request.getRequestURL().toString())), clock);
    if (refusal != null) {
      return answer(HttpStatus.UNAUTHORIZED, refusal);
    }
    if (!"aes128gcm".equalsIgnoreCase(encoding == null ? "" : encoding.strip())) {
      return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding must be aes128gcm (RFC 8291)");
    }
    var bytes = body == null ? new byte[0] : body;
    if (bytes.length > MAX_BODY) {
      return answer(HttpStatus.PAYLOAD_TOO_LARGE, "more than " + MAX_BODY + " bytes");
    }
    var caught = service.take(subscription, bytes, ttl);
    return ResponseEntity.created(URI.create("/push-sink/messages/" + caught.id())).build();
  }

  private static ResponseEntity<String> answer(HttpStatus status, String reason) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
  }
}
