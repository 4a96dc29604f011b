package io.itinera.webhook;

import io.itinera.journey.StepRejectedException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses webhook URLs that point inside the network (loopback, private, link-local such as cloud
 * metadata, unique-local IPv6, any-local, multicast), so a journey cannot be used to reach internal
 * services, unless the host is allow-listed by configuration.
 */
final class AddressGuard {

  private final Set<String> allowedHosts;

  AddressGuard(Set<String> allowedHosts) {
    this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  void check(URI url) {
    var host = url.getHost();
    if (host == null) {
      throw new StepRejectedException("Webhook URL " + url + " has no host");
    }
    if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Webhook host " + host + " cannot be resolved", e);
    }
    for (var address : addresses) {
      if (internal(address)) {
        throw new StepRejectedException("Webhook to " + url + " refused: " + host + " is the internal address "
            + address.getHostAddress() + " (allow it in itinera.webhook.allowed-hosts if it is meant to be called)");
      }
    }
  }

  private static boolean internal(InetAddress address) {
    return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()
        || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
  }
}
