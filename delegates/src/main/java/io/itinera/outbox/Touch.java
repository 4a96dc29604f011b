package io.itinera.outbox;

import java.time.Instant;

/** A marketing message to a contact as the channel rules see it: its channel, its topic (or null) and when it goes out. */
public record Touch(String channel, String topic, Instant at) {
}
