package io.itinera.push;

import io.itinera.contact.ChannelConsents;
import io.itinera.contact.Consent;
import io.itinera.contact.Contacts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the push subscriptions apps hand in (the browser's {@code PushSubscription.toJSON()}), after
 * checking them: a usable endpoint ({@link PushEndpoints}), {@code keys.p256dh} an uncompressed P-256 point on
 * the curve, {@code keys.auth} 16 bytes. Subscribing is the browser user's yes to push: a subscription new to
 * the contact records push consent (source {@code subscription}); registering it again does not grant
 * consent the contact has since withdrawn.
 */
@Service
public class PushSubscriptionRegistry {

  static final String CONSENT_SOURCE = "subscription";
  private static final int AUTH_LENGTH = 16;

  private final Contacts contacts;
  private final ChannelConsents consents;
  private final PushSubscriptions subscriptions;
  private final PushEndpoints endpoints;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PushSubscriptionRegistry(Contacts contacts, ChannelConsents consents, PushSubscriptions subscriptions,
      PushEndpoints endpoints, TransactionTemplate transaction, Clock clock) {
    this.contacts = contacts;
    this.consents = consents;
    this.subscriptions = subscriptions;
    this.endpoints = endpoints;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** What an app sends: the fields of {@code PushSubscription.toJSON()}. */
  public record Request(String endpoint, Instant expirationTime, String p256dh, String auth) {
  }

  /** The stored subscription; empty when there is no such contact. */
  public Optional<PushSubscription> register(String contactId, Request request) {
    var endpoint = endpoints.parse(request.endpoint()).toString();
    var p256dh = PushKeys.base64Url(p256dh(request.p256dh()));
    var auth = PushKeys.base64Url(auth(request.auth()));
    return transaction.execute(status -> contacts.findForUpdate(contactId).map(contact -> {
      var now = clock.instant();
      var before = subscriptions.byEndpoint(endpoint);
      var saved = subscriptions.save(new PushSubscription(UUID.randomUUID().toString(), contactId, endpoint, p256dh,
          auth, request.expirationTime(), now), now);
      if (before.filter(existing -> existing.contactId().equals(contactId)).isEmpty()) {
        consents.record(contactId, Consent.PUSH, new Consent(true, now, CONSENT_SOURCE));
      }
      return saved;
    }));
  }

  public List<PushSubscription> ofContact(String contactId) {
    return subscriptions.ofContact(contactId);
  }

  public boolean remove(String contactId, String subscriptionId) {
    return Boolean.TRUE.equals(transaction.execute(status -> subscriptions.delete(contactId, subscriptionId)));
  }

  private static byte[] p256dh(String value) {
    var bytes = decode("keys.p256dh", value);
    try {
      PushKeys.publicKey(bytes);
      return bytes;
    } catch (IllegalArgumentException wrong) {
      throw new InvalidSubscriptionException("keys.p256dh", wrong.getMessage());
    }
  }

  private static byte[] auth(String value) {
    var bytes = decode("keys.auth", value);
    if (bytes.length != AUTH_LENGTH) {
      throw new InvalidSubscriptionException("keys.auth", "must be the 16-byte authentication secret, not "
          + bytes.length + " bytes");
    }
    return bytes;
  }

  private static byte[] decode(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidSubscriptionException(field, "is required");
    }
    try {
      return PushKeys.decode(value);
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidSubscriptionException(field, "must be base64url: " + notBase64.getMessage());
    }
  }
}
