package io.itinera.outbox;

import java.time.Duration;

/**
 * Messages per batch, attempts before a message fails, the first retry delay (doubling), and the
 * lease of a claimed message: renewed before each send, so it must outlast one send, not a batch.
 */
public record DispatchSettings(int batchSize, int maxAttempts, Duration firstRetry, Duration lease) {
}
