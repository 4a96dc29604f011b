package io.itinera.email;

import io.itinera.contact.Suppressions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounces and complaints reported by the mail provider: a hard bounce or a complaint suppresses the
 * address at once; soft bounces are counted and suppress once they reach the configured limit.
 */
@Service
public class DeliveryFeedback {

  /** What the provider reported. */
  public enum Kind { HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT }

  private final Suppressions suppressions;
  private final SoftBounces softBounces;
  private final EmailProperties properties;
  private final TransactionTemplate transaction;
  private final EmailMetrics metrics;

  DeliveryFeedback(Suppressions suppressions, SoftBounces softBounces, EmailProperties properties,
      TransactionTemplate transaction, EmailMetrics metrics) {
    this.suppressions = suppressions;
    this.softBounces = softBounces;
    this.properties = properties;
    this.transaction = transaction;
    this.metrics = metrics;
  }

  /** @return whether the address is suppressed now */
  public boolean report(String email, Kind kind) {
    var suppressed = Boolean.TRUE.equals(transaction.execute(status -> {
      switch (kind) {
        case HARD_BOUNCE -> suppressions.suppress(email, "hard-bounce");
        case COMPLAINT -> suppressions.suppress(email, "complaint");
        case SOFT_BOUNCE -> {
          if (softBounces.count(email) >= properties.softBounceLimit()) {
            suppressions.suppress(email, "soft-bounces");
          }
        }
      }
      return suppressions.isSuppressed(email);
    }));
    metrics.feedback(kind);
    return suppressed;
  }
}
