package io.itinera.event;

import java.time.Instant;
import java.util.Map;

/**
 * A track call: what a contact did. {@code occurredAt} defaults to when it arrived, and the same
 * {@code messageId} twice is one event.
 */
public record NewEvent(String contactId, String type, Map<String, Object> properties, Instant occurredAt,
    String messageId) {
}
