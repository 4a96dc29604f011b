package io.itinera.pushsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.push.PushKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

/** The push sink opens what web-push encrypts for its subscriptions, and keeps what it cannot open as such. */
class EmbeddedPushServiceTest {

  private final EmbeddedPushService service = new EmbeddedPushService(10,
      Clock.fixed(Instant.parse("2026-03-04T11:00:00Z"), ZoneOffset.UTC));

  @Test
  void decryptsAPushEncryptedForItsSubscription() throws Exception {
    var subscription = service.subscribe("any-key");
    var encrypted = AbstractPushService.encrypt("{\"title\":\"Hi\"}".getBytes(StandardCharsets.UTF_8),
        (ECPublicKey) subscription.keys().getPublic(), subscription.authSecret(), Encoding.AES128GCM);

    var caught = service.take(subscription, encrypted.getCiphertext(), "60");

    assertThat(caught.payload()).isEqualTo("{\"title\":\"Hi\"}");
    assertThat(caught.problem()).isNull();
  }

  @Test
  void keepsAPushForAnotherBrowserAsUndecryptable() throws Exception {
    var subscription = service.subscribe("any-key");
    var other = PushKeys.generate();
    var encrypted = AbstractPushService.encrypt("{\"title\":\"Hi\"}".getBytes(StandardCharsets.UTF_8),
        (ECPublicKey) other.getPublic(), subscription.authSecret(), Encoding.AES128GCM);

    var caught = service.take(subscription, encrypted.getCiphertext(), "60");

    assertThat(caught.payload()).isNull();
    assertThat(caught.problem()).startsWith("cannot be decrypted with this subscription's keys");
    assertThat(service.all()).singleElement().isEqualTo(caught);
  }
}
