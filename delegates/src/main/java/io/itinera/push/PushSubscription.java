package io.itinera.push;

import java.time.Instant;

/**
 * One browser's push subscription of a contact: where its push service takes messages ({@code endpoint}) and
 * the keys that encrypt them for that browser only ({@code p256dh}, {@code auth}, base64url).
 * {@code expiresAt} is the browser's {@code expirationTime}, when it gave one.
 */
public record PushSubscription(String id, String contactId, String endpoint, String p256dh, String auth,
    Instant expiresAt, Instant createdAt) {
}
