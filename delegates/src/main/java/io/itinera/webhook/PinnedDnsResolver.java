package io.itinera.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Answers the HTTP client with the addresses {@link AddressGuard} checked for the webhook's host,
 * instead of asking DNS a second time; any other host is unknown (the call follows no redirect and
 * uses no proxy, so none is asked for). Push sends use it the same way.
 */
public record PinnedDnsResolver(String host, List<InetAddress> addresses) implements DnsResolver {

  public PinnedDnsResolver {
    host = AllowedTarget.bare(host);
    addresses = List.copyOf(addresses);
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
    if (!host.equals(AllowedTarget.bare(name))) {
      throw new UnknownHostException(name + " is not the checked webhook host " + host);
    }
    return addresses.toArray(InetAddress[]::new);
  }

  @Override
  public String resolveCanonicalHostname(String name) {
    return name;
  }
}
