package io.itinera.api.event;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which {@code occurredAt} an event may carry: at most {@code maxClockSkew} ahead of our clock (a
 * future event would hold the engagement score still until then), and not before
 * {@code earliestOccurredAt} (an epoch-zero or year-0001 date is a bug in the sender, not history).
 */
@ConfigurationProperties("itinera.events")
record EventTimeProperties(Duration maxClockSkew, Instant earliestOccurredAt) {

  EventTimeProperties {
    maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    earliestOccurredAt = earliestOccurredAt == null ? Instant.parse("2000-01-01T00:00:00Z") : earliestOccurredAt;
  }
}
