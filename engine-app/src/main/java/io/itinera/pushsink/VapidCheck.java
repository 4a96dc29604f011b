package io.itinera.pushsink;

import io.itinera.push.PushKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * What a push service checks of a push request's {@code Authorization: vapid t=<JWT>, k=<key>} (RFC 8292): the
 * key is the one the subscription was made for, the JWT is signed by it with ES256, names this push service's
 * origin as {@code aud} and expires within 24 hours.
 */
final class VapidCheck {

  private static final Pattern HEADER = Pattern.compile("(?i)vapid\\s+(?:t=([^,\\s]+)\\s*,\\s*k=([^,\\s]+)"
      + "|k=([^,\\s]+)\\s*,\\s*t=([^,\\s]+))\\s*");
  private static final Duration MAX_LIFETIME = Duration.ofHours(24);

  private VapidCheck() {
  }

  /** Why the request is refused, or null when it passes. */
  static String refusal(String authorization, String expectedKey, String origin, Clock clock) {
    var header = authorization == null ? null : HEADER.matcher(authorization.strip());
    if (header == null || !header.matches()) {
      return "no 'Authorization: vapid t=<JWT>, k=<key>' header";
    }
    var token = header.group(1) != null ? header.group(1) : header.group(4);
    var key = header.group(2) != null ? header.group(2) : header.group(3);
    if (!key.equals(expectedKey)) {
      return "the VAPID key is not the one this subscription was made with";
    }
    try {
      new JwtConsumerBuilder()
          .setVerificationKey(PushKeys.publicKey(key))
          .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
              AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
          .setExpectedAudience(origin)
          .setRequireExpirationTime()
          .setMaxFutureValidityInMinutes((int) MAX_LIFETIME.toMinutes())
          .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
          .build()
          .processToClaims(token);
      return null;
    } catch (InvalidJwtException | IllegalArgumentException refused) {
      return "the VAPID token does not verify: " + refused.getMessage();
    }
  }
}
