package io.itinera.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The blocks of IANA's IPv4 and IPv6 special-purpose address registries (RFC 6890 and successors):
 * loopback, private, shared (carrier-grade NAT, which holds some clouds' metadata address),
 * link-local, documentation, benchmarking, multicast, reserved, and the IPv6 blocks that carry or
 * translate IPv4 (IPv4-compatible, NAT64, 6to4, Teredo). A webhook must not reach any of them. An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is judged by the IPv4 address it carries.
 */
final class SpecialPurposeAddresses {

  private static final List<Block> IPV4 = blocks(
      "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
      "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "224.0.0.0/4", "240.0.0.0/4");

  private static final List<Block> IPV6 = blocks(
      "::/128", "::1/128", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001::/32",
      "2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

  private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private SpecialPurposeAddresses() {
  }

  static boolean contains(InetAddress address) {
    var bytes = address.getAddress();
    if (bytes.length == 16 && Arrays.equals(bytes, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    var candidate = bytes;
    return (candidate.length == 4 ? IPV4 : IPV6).stream().anyMatch(block -> block.contains(candidate));
  }

  /** An address block: the network's leading {@code bits} bits. */
  private record Block(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      var whole = bits / 8;
      if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
        return false;
      }
      var rest = bits % 8;
      var mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private static List<Block> blocks(String... cidrs) {
    return Arrays.stream(cidrs).map(cidr -> {
      var slash = cidr.indexOf('/');
      try {
        // Literals only: getByName parses them without a lookup.
        var network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        return new Block(network, Integer.parseInt(cidr.substring(slash + 1)));
      } catch (UnknownHostException e) {
        throw new IllegalStateException("Not an address literal: " + cidr, e);
      }
    }).toList();
  }
}
