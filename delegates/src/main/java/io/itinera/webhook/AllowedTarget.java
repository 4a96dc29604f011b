package io.itinera.webhook;

import java.net.URI;
import java.util.Locale;

/**
 * One entry of {@code itinera.webhook.allowed-hosts}: a host and a port ({@code crm.internal:8443},
 * {@code [fd00::5]:80}), or a host and {@code *} for any port. A bare host is refused, so allowing one
 * internal service never opens every port of its machine by accident.
 */
record AllowedTarget(String host, int port) {

  private static final int ANY_PORT = -1;

  static AllowedTarget parse(String entry) {
    var text = entry.strip();
    var colon = text.lastIndexOf(':');
    var host = colon < 0 ? "" : text.substring(0, colon);
    if (host.isEmpty() || (host.contains(":") && !(host.startsWith("[") && host.endsWith("]")))) {
      throw new IllegalArgumentException("itinera.webhook.allowed-hosts entry '" + entry + "' is not host:port: write"
          + " it as crm.internal:8443, [fd00::5]:443, or crm.internal:* for any port");
    }
    var port = text.substring(colon + 1);
    try {
      return new AllowedTarget(bare(host), port.equals("*") ? ANY_PORT : Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("itinera.webhook.allowed-hosts entry '" + entry + "' is not host:port: its port"
          + " is neither a number nor *", e);
    }
  }

  boolean matches(URI url) {
    return host.equals(bare(url.getHost())) && (port == ANY_PORT || port == port(url));
  }

  private static int port(URI url) {
    return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  /** Lower case, without the brackets of an IPv6 literal. */
  static String bare(String host) {
    var lower = host.toLowerCase(Locale.ROOT);
    return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
  }
}
