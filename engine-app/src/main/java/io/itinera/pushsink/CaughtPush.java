package io.itinera.pushsink;

import java.time.Instant;

/**
 * One push the embedded push service took: {@code payload} as decrypted (the JSON the service worker gets),
 * or null with {@code problem} saying why it could not be opened; {@code ttl} the TTL header.
 */
record CaughtPush(long id, Instant receivedAt, String subscription, String payload, String problem, String ttl,
    int bytes) {
}
