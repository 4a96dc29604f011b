package io.itinera.preference;

import java.time.Instant;

/**
 * Published inside the transaction that pauses a contact's marketing: each channel takes back the marketing it
 * still holds for the contact that would go out before the pause ends.
 */
public record MarketingPaused(String contactId, Instant until) {
}
