package io.itinera.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.journey.StepRejectedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook address guard, with a stub resolver: nothing here asks DNS or opens a connection, so
 * the public addresses below are only ever values.
 */
class AddressGuardTest {

  /** Answers each look-up with the next scripted answer; a look-up nobody scripted fails the test. */
  static final class StubResolver implements AddressGuard.Resolver {
    private final Deque<String[]> answers = new ArrayDeque<>();
    int lookups;

    StubResolver answering(String... addresses) {
      answers.add(addresses);
      return this;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      lookups++;
      var answer = answers.poll();
      if (answer == null) {
        throw new AssertionError("Unexpected look-up of " + host);
      }
      var addresses = new InetAddress[answer.length];
      for (int i = 0; i < answer.length; i++) {
        addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
      }
      return addresses;
    }
  }

  private final StubResolver resolver = new StubResolver();

  @ParameterizedTest
  @ValueSource(strings = {
      "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.100.100.200", "100.127.255.254",
      "127.0.0.1", "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.0.170",
      "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
      "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"})
  void refusesEverySpecialPurposeIpv4Block(String address) {
    assertRefused("http://" + address + "/hook", address);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "::", "::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "::8.8.8.8",
      "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "100::1", "2001::1", "2001:0:4136:e378::1", "2001:1ff::1",
      "2001:db8::1", "2002:7f00:1::", "2002:808:808::1", "3fff::1", "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1",
      "febf::1", "fec0::1", "ff02::1", "ff05::1:3"})
  void refusesEverySpecialPurposeIpv6Block(String address) {
    assertRefused("http://[" + address + "]/hook", "refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "127.0.1", "2130706433", "017700000001",
      "127.0.0.01", "127.0.0.1.", "8.8.8.08", "1.2.3.0x4", "example.0x10", "host.123"})
  void refusesNumericHostsOtherThanAPlainDottedQuad(String host) {
    assertRefused("http://" + host + ":8080/hook", host);
    assertThat(resolver.lookups).as("no look-up of a numeric host").isZero();
  }

  @Test
  void refusesANameThatResolvesToAnInternalAddressAmongPublicOnes() {
    resolver.answering("93.184.215.14", "100.100.100.200");

    assertRefused("https://metadata.example/latest", "100.100.100.200");
  }

  @Test
  void letsPublicAddressesThrough() {
    var guard = guard(List.of());
    resolver.answering("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

    assertThat(guard.check(URI.create("https://hooks.example/in"))).extracting(InetAddress::getHostAddress)
        .containsExactly("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");
    assertThat(guard.check(URI.create("http://8.8.8.8/in"))).extracting(InetAddress::getHostAddress)
        .containsExactly("8.8.8.8");
    assertThat(guard.check(URI.create("http://[::ffff:8.8.4.4]/in"))).extracting(InetAddress::getHostAddress)
        .containsExactly("8.8.4.4");
    assertThat(guard.check(URI.create("http://[2a00:1450:4001:80b::200e]/in"))).hasSize(1);
  }

  @Test
  void allowsAnInternalTargetOnlyOnItsListedPort() {
    var guard = guard(List.of("crm.internal:8443", "10.0.0.7:*", "[fd00::5]:80", "plain.internal:443"));
    resolver.answering("10.1.2.3").answering("10.1.2.3").answering("10.1.2.3").answering("10.9.9.9");

    assertThat(guard.check(URI.create("https://crm.internal:8443/in"))).extracting(InetAddress::getHostAddress)
        .containsExactly("10.1.2.3");
    assertThatThrownBy(() -> guard.check(URI.create("https://crm.internal:8444/in")))
        .isInstanceOf(StepRejectedException.class);
    assertThatThrownBy(() -> guard.check(URI.create("https://crm.internal/in")))
        .isInstanceOf(StepRejectedException.class);
    assertThat(guard.check(URI.create("https://plain.internal/in"))).hasSize(1);
    assertThat(guard.check(URI.create("http://10.0.0.7:1234/in"))).hasSize(1);
    assertThat(guard.check(URI.create("http://[FD00::5]/in"))).hasSize(1);
    assertThatThrownBy(() -> guard.check(URI.create("http://[fd00::5]:8080/in")))
        .isInstanceOf(StepRejectedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"crm.internal", "10.0.0.7", "fd00::5:80", "crm.internal:", "crm.internal:port", ":8080"})
  void refusesAnAllowListEntryThatIsNotHostAndPort(String entry) {
    assertThatThrownBy(() -> guard(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry).hasMessageContaining("host:port");
  }

  @Test
  void returnsTheAddressItCheckedEvenWhenDnsAnswersDifferentlyLater() throws UnknownHostException {
    // Rebinding: a public address for the check, loopback for whoever asks next.
    resolver.answering("93.184.215.14").answering("127.0.0.1");
    var url = URI.create("https://rebind.example/in");

    var checked = guard(List.of()).check(url);
    var pinned = new PinnedDnsResolver(url.getHost(), checked);

    assertThat(pinned.resolve("rebind.example")).extracting(InetAddress::getHostAddress)
        .containsExactly("93.184.215.14");
    assertThat(pinned.resolve("REBIND.example")).hasSize(1);
    assertThat(resolver.lookups).isEqualTo(1);
    assertThatThrownBy(() -> pinned.resolve("other.example")).isInstanceOf(UnknownHostException.class);
  }

  @Test
  void acceptsHostNamesThatOnlyLookNumeric() {
    resolver.answering("93.184.215.14").answering("93.184.215.14").answering("93.184.215.14");
    var guard = guard(List.of());

    assertThatCode(() -> guard.check(URI.create("https://cafe.be/in"))).doesNotThrowAnyException();
    assertThatCode(() -> guard.check(URI.create("https://1password.example/in"))).doesNotThrowAnyException();
    assertThatCode(() -> guard.check(URI.create("https://0x10.example/in"))).doesNotThrowAnyException();
  }

  private void assertRefused(String url, String messagePart) {
    assertThatThrownBy(() -> guard(List.of()).check(URI.create(url)))
        .isInstanceOf(StepRejectedException.class)
        .hasMessageContaining("refused").hasMessageContaining(messagePart);
  }

  private AddressGuard guard(List<String> allowed) {
    return new AddressGuard(allowed, resolver);
  }
}
