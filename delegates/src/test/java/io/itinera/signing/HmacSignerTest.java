package io.itinera.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacSignerTest {

  @Test
  void signsLikeRfc4231() {
    // RFC 4231, test case 2: HMAC-SHA256 with the key "Jefe".
    var signature = new HmacSigner("Jefe").sign("what do ya want for nothing?");

    assertThat(HexFormat.of().formatHex(signature))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void verifiesOnlyItsOwnSignatureOfTheSamePayload() {
    var signer = new HmacSigner("a-secret-of-some-length");
    var payload = "t.body".getBytes(StandardCharsets.UTF_8);
    var signature = signer.sign(payload);

    assertThat(signer.verifies(payload, signature)).isTrue();
    assertThat(signer.verifies("t.other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    assertThat(new HmacSigner("another-secret-entirely").verifies(payload, signature)).isFalse();
  }
}
