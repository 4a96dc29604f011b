package io.itinera.tracking;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  private final SecretKeySpec key;

  public TrackingTokens(@Value("${itinera.tracking.secret}") String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("itinera.tracking.secret must be at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A token carrying these parts, which must not contain line breaks. */
  public String sign(String... parts) {
    var payload = String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8);
    return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
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
      if (!MessageDigest.isEqual(mac(payload), signature)) {
        return Optional.empty();
      }
      return Optional.of(List.of(new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }
}
