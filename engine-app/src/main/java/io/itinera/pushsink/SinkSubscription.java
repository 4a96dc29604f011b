package io.itinera.pushsink;

import java.security.KeyPair;

/**
 * A subscription the push sink holds as a browser would: its own key pair and auth secret, so that it can
 * read what is pushed to it, and whether it was marked expired (pushes to it are answered 410 Gone).
 */
record SinkSubscription(String token, KeyPair keys, byte[] authSecret, String applicationServerKey, boolean expired) {

  SinkSubscription expire() {
    return new SinkSubscription(token, keys, authSecret, applicationServerKey, true);
  }
}
