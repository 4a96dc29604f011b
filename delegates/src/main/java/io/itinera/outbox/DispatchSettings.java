package io.itinera.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messages per batch, attempts before a message fails, the first retry delay (doubling), the lease of
 * a claimed message (a message goes out only with half of it left, renewed first once less is: so half a
 * lease must outlast one send, not a batch), and how many connections send at once, each with its own batches.
 */
public record DispatchSettings(int batchSize, int maxAttempts, Duration firstRetry, Duration lease,
    @DefaultValue("1") int connections) {
}
