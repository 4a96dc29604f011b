package io.itinera.tracking;

import io.itinera.signing.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the tokens in tracking and unsubscribe links with HMAC-SHA256 and a secret from
 * the environment, so nobody can forge an open, a click, an unsubscribe, or a redirect to a URL we
 * did not put in an email.
 */
@Component
public class TrackingTokens {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private static final String SEPARATOR = "\n";

  private final HmacSigner signer;

  public TrackingTokens(@Value("${itinera.tracking.secret}") String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("itinera.tracking.secret must be at least 16 characters");
    }
    this.signer = new HmacSigner(secret);
  }

  /** A token carrying these parts, which must not contain line breaks. */
  public String sign(String... parts) {
    var payload = String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8);
    return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(signer.sign(payload));
  }

  /** The parts of a token we signed, or empty for anything else. */
  public Optional<List<String>> verify(String token) {
    var dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      var payload = DECODE.decode(token.substring(0, dot));
      var signature = DECODE.decode(token.substring(dot + 1));
      if (!signer.verifies(payload, signature)) {
        return Optional.empty();
      }
      return Optional.of(List.of(new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
