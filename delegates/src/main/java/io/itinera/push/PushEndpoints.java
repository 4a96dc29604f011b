package io.itinera.push;

import io.itinera.journey.StepRejectedException;
import io.itinera.webhook.AddressGuard;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which push endpoints the app may post to. Endpoints come from outside (an app hands in what a browser
 * gave it), so each is an SSRF risk: https only (http just for a loopback host, the embedded push service
 * and tests), and every address it resolves to passes the webhooks' {@link AddressGuard} with the
 * {@code itinera.push.allowed-hosts} allow-list, when registered and again at each send (a DNS answer may change).
 */
@Component
class PushEndpoints {

  static final int MAX_LENGTH = 2048;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private final AddressGuard guard;

  PushEndpoints(PushProperties properties) {
    this.guard = new AddressGuard("Push endpoint", "itinera.push.allowed-hosts", properties.allowedHosts(),
        InetAddress::getAllByName);
  }

  /** The endpoint read and checked; an {@link InvalidSubscriptionException} on {@code endpoint} says why not. */
  URI parse(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw invalid("is required: the push service URL the browser's subscription names");
    }
    if (endpoint.length() > MAX_LENGTH) {
      throw invalid("is longer than " + MAX_LENGTH + " characters");
    }
    final URI url;
    try {
      url = new URI(endpoint);
    } catch (URISyntaxException notUrl) {
      throw invalid("is not a URL: " + notUrl.getMessage());
    }
    if (!url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null) {
      throw invalid("must be an absolute https URL with a host (and no user name)");
    }
    var scheme = url.getScheme().toLowerCase(Locale.ROOT);
    var loopback = LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT));
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      throw invalid("must be an https URL (http only for a loopback host such as 127.0.0.1)");
    }
    addresses(url, true);
    return url;
  }

  /**
   * The addresses a send to the endpoint connects to, all checked; a {@link StepRejectedException} when the
   * endpoint now reaches an internal address.
   */
  List<InetAddress> addresses(URI endpoint) {
    return addresses(endpoint, false);
  }

  private List<InetAddress> addresses(URI endpoint, boolean registering) {
    try {
      return guard.check(endpoint);
    } catch (StepRejectedException | IllegalStateException refused) {
      if (registering) {
        throw invalid(refused.getMessage());
      }
      throw refused;
    }
  }

  private static InvalidSubscriptionException invalid(String message) {
    return new InvalidSubscriptionException("endpoint", message);
  }
}
