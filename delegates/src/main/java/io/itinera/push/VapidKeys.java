package io.itinera.push;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application server's VAPID identity (RFC 8292): the key pair browsers subscribe with
 * ({@code applicationServerKey}) and push services check each request against. From the environment; on the
 * embedded defaults, without keys there, a pair made once and kept in the database, so that subscriptions
 * stay valid across restarts. Anywhere else missing or broken keys stop the start with a message saying what
 * to set. Signs the {@code Authorization: vapid t=<JWT>, k=<public key>} header of each push request.
 */
@Component
public class VapidKeys {

  static final String PUBLIC_VARIABLE = "ITINERA_PUSH_VAPID_PUBLIC_KEY";
  static final String PRIVATE_VARIABLE = "ITINERA_PUSH_VAPID_PRIVATE_KEY";
  /** Below the 24 hours RFC 8292 allows, so a push service whose clock runs ahead still accepts it. */
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
  private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);

  private final KeyPair pair;
  private final String publicKey;
  private final String subject;
  private final Clock clock;

  VapidKeys(PushProperties properties, VapidKeyStore store, TransactionTemplate transaction, Clock clock) {
    this.clock = clock;
    var vapid = properties.vapid();
    this.subject = subject(vapid.subject());
    var configuredPublic = blankToNull(vapid.publicKey());
    var configuredPrivate = blankToNull(vapid.privateKey());
    if (configuredPublic == null && configuredPrivate == null && vapid.generate()) {
      var fresh = PushKeys.generate();
      var stored = transaction.execute(status -> store.keepFirst(new VapidKeyStore.StoredPair(
          PushKeys.base64Url(fresh.getPublic()), PushKeys.base64Url(fresh.getPrivate())), clock.instant()));
      configuredPublic = stored.publicKey();
      configuredPrivate = stored.privateKey();
      log.warn("No {} / {} set: Web Push uses a VAPID pair generated for the embedded defaults and kept in the"
          + " database. Set both for anything but a try-out.", PUBLIC_VARIABLE, PRIVATE_VARIABLE);
    }
    this.pair = pair(configuredPublic, configuredPrivate);
    this.publicKey = PushKeys.base64Url(pair.getPublic());
  }

  /** The public key as browsers take it for {@code applicationServerKey}: base64url of the uncompressed point. */
  public String publicKey() {
    return publicKey;
  }

  /** The Authorization header value for a push to {@code endpoint}: a JWT for the endpoint's origin. */
  String authorization(URI endpoint) {
    var claims = new JwtClaims();
    claims.setAudience(origin(endpoint));
    claims.setExpirationTime(NumericDate.fromMilliseconds(clock.millis() + TOKEN_LIFETIME.toMillis()));
    claims.setSubject(subject);
    var jws = new JsonWebSignature();
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setPayload(claims.toJson());
    jws.setKey(pair.getPrivate());
    try {
      return "vapid t=" + jws.getCompactSerialization() + ", k=" + publicKey;
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot sign the VAPID token: " + e.getMessage(), e);
    }
  }

  /** RFC 6454's serialisation: scheme, host, and the port only when it is not the scheme's default. */
  public static String origin(URI url) {
    var scheme = url.getScheme().toLowerCase(Locale.ROOT);
    var port = url.getPort();
    var defaultPort = scheme.equals("https") ? 443 : 80;
    var host = url.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (port < 0 || port == defaultPort ? "" : ":" + port);
  }

  private static KeyPair pair(String publicKey, String privateKey) {
    if (publicKey == null || privateKey == null) {
      throw new IllegalStateException("Web Push needs a VAPID key pair: set " + PUBLIC_VARIABLE + " and "
          + PRIVATE_VARIABLE + " (base64url, as web-push's 'generate-vapid-keys' prints them). Only the embedded"
          + " H2 database makes one up by itself.");
    }
    final KeyPair pair;
    try {
      pair = new KeyPair(PushKeys.publicKey(publicKey), PushKeys.privateKey(privateKey));
    } catch (IllegalArgumentException wrong) {
      throw new IllegalStateException("The VAPID key in " + PUBLIC_VARIABLE + " / " + PRIVATE_VARIABLE + " " + wrong
          .getMessage() + ": both are base64url, the public key 65 bytes, the private key 32", wrong);
    }
    if (!PushKeys.pair(pair.getPrivate(), pair.getPublic())) {
      throw new IllegalStateException(PUBLIC_VARIABLE + " is not the public key of " + PRIVATE_VARIABLE);
    }
    return pair;
  }

  private static String subject(String subject) {
    if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
      throw new IllegalStateException("ITINERA_PUSH_VAPID_SUBJECT must be a mailto: or https: URI (push services"
          + " write to it about trouble), not '" + subject + "'");
    }
    return subject;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
