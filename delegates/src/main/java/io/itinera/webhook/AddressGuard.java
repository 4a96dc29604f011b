package io.itinera.webhook;

import io.itinera.journey.StepRejectedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses webhook URLs that reach a special-purpose address ({@link SpecialPurposeAddresses}: loopback,
 * private, shared, link-local such as cloud metadata, …) unless their host and port are allow-listed,
 * and returns the addresses it checked: the call connects to exactly those, so a DNS answer that
 * changes after the check (rebinding) cannot send it elsewhere. Numeric hosts other than a plain
 * dotted quad ({@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}, {@code 2130706433}) are refused, not
 * left to a resolver that may read them as another address. Push endpoints, which apps hand in from
 * outside, go through the same guard with their own allow-list.
 */
public final class AddressGuard {

  /** Looks a host name up; the real one asks DNS, tests pass a stub. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  /** WHATWG URL's "ends in a number": a last label of digits or 0x-hex makes the whole host numeric. */
  private static final Pattern ENDS_IN_NUMBER = Pattern.compile("(?i)(^|.*\\.)([0-9]+|0x[0-9a-f]*)\\.?");

  private final String what;
  private final String allowSetting;
  private final List<AllowedTarget> allowed;
  private final Resolver resolver;

  AddressGuard(Collection<String> allowedTargets, Resolver resolver) {
    this("Webhook", "itinera.webhook.allowed-hosts", allowedTargets, resolver);
  }

  /**
   * @param what names the call in refusals ({@code Webhook}, {@code Push endpoint})
   * @param allowSetting the setting that lists {@code allowedTargets}, named in refusals
   */
  public AddressGuard(String what, String allowSetting, Collection<String> allowedTargets, Resolver resolver) {
    this.what = what;
    this.allowSetting = allowSetting;
    this.allowed = allowedTargets.stream().map(AllowedTarget::parse).toList();
    this.resolver = resolver;
  }

  /** The addresses the call may connect to, all of them checked; a refusal is a {@link StepRejectedException}. */
  public List<InetAddress> check(URI url) {
    var host = url.getHost();
    if (host == null) {
      // java.net.URI reads some numeric forms (127.1, 0x7f.0.0.1) as no host at all.
      throw new StepRejectedException(what + " to " + url + " refused: it names no host that can be read");
    }
    var bare = AllowedTarget.bare(host);
    if (!host.startsWith("[") && ENDS_IN_NUMBER.matcher(bare).matches() && !DOTTED_QUAD.matcher(bare).matches()) {
      throw new StepRejectedException(what + " to " + url + " refused: write the address " + host
          + " as four decimal numbers (such as 192.0.2.10) or use a host name");
    }
    var addresses = resolve(bare);
    if (allowed.stream().anyMatch(target -> target.matches(url))) {
      return addresses;
    }
    for (var address : addresses) {
      if (SpecialPurposeAddresses.contains(address)) {
        throw new StepRejectedException(what + " to " + url + " refused: " + host + " is the internal address "
            + address.getHostAddress() + " (allow it in " + allowSetting + " as host:port if it is meant to"
            + " be called)");
      }
    }
    return addresses;
  }

  private List<InetAddress> resolve(String host) {
    try {
      // Literals (a dotted quad, a bracketed IPv6 address) are parsed without asking the resolver.
      var addresses = DOTTED_QUAD.matcher(host).matches() || host.contains(":")
          ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
      if (addresses.length == 0) {
        throw new UnknownHostException(host);
      }
      return List.of(addresses);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(what + " host " + host + " cannot be resolved", e);
    }
  }
}
