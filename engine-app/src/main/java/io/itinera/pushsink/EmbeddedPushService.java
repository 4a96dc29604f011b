package io.itinera.pushsink;

import io.itinera.push.PushKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push sink's state, in memory only (a restart forgets it; registered sink subscriptions then answer 404,
 * and the dispatcher drops them as expired): the subscriptions it holds as a browser would, and the newest
 * pushes it took, opened with their subscription's keys.
 */
final class EmbeddedPushService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int keep;
  private final Clock clock;
  private final Map<String, SinkSubscription> subscriptions = new ConcurrentHashMap<>();
  private final Deque<CaughtPush> caught = new ArrayDeque<>();
  private long nextId = 1;

  EmbeddedPushService(int keep, Clock clock) {
    this.keep = keep;
    this.clock = clock;
  }

  /** A new subscription made for the app's VAPID key, as pushManager.subscribe() would. */
  SinkSubscription subscribe(String applicationServerKey) {
    var token = new byte[18];
    RANDOM.nextBytes(token);
    var auth = new byte[16];
    RANDOM.nextBytes(auth);
    var subscription = new SinkSubscription(PushKeys.base64Url(token), PushKeys.generate(), auth,
        applicationServerKey, false);
    subscriptions.put(subscription.token(), subscription);
    return subscription;
  }

  Optional<SinkSubscription> find(String token) {
    return Optional.ofNullable(subscriptions.get(token));
  }

  /** Marks the subscription expired (as a browser that dropped it); false if the sink holds none with this token. */
  boolean expire(String token) {
    return subscriptions.computeIfPresent(token, (key, subscription) -> subscription.expire()) != null;
  }

  /** Keeps a push for the subscription, decrypted when it can be. */
  synchronized CaughtPush take(SinkSubscription subscription, byte[] body, String ttl) {
    String payload = null;
    String problem = null;
    try {
      payload = new String(Aes128GcmDecryption.decrypt(body, subscription.keys(), subscription.authSecret()),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException undecryptable) {
      problem = "cannot be decrypted with this subscription's keys: " + undecryptable.getMessage();
    }
    var push = new CaughtPush(nextId++, clock.instant(), subscription.token(), payload, problem, ttl, body.length);
    caught.addFirst(push);
    while (caught.size() > keep) {
      caught.removeLast();
    }
    return push;
  }

  synchronized List<CaughtPush> all() {
    return new ArrayList<>(caught);
  }
}
