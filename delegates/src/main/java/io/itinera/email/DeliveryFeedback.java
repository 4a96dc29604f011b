package io.itinera.email;

import io.itinera.contact.Suppressions;
import io.itinera.database.InsertIfAbsent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;
  private final EmailProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public DeliveryFeedback(Suppressions suppressions, JdbcClient jdbc, InsertIfAbsent insertIfAbsent,
      EmailProperties properties, TransactionTemplate transaction, Clock clock) {
    this.suppressions = suppressions;
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** @return whether the address is suppressed now */
  public boolean report(String email, Kind kind) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      switch (kind) {
        case HARD_BOUNCE -> suppressions.suppress(email, "hard-bounce");
        case COMPLAINT -> suppressions.suppress(email, "complaint");
        case SOFT_BOUNCE -> {
          if (softBounces(email) >= properties.softBounceLimit()) {
            suppressions.suppress(email, "soft-bounces");
          }
        }
      }
      return suppressions.isSuppressed(email);
    }));
  }

  /** Counts one more soft bounce and returns the count. */
  private int softBounces(String email) {
    var hash = Suppressions.hash(email);
    var now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    var row = new LinkedHashMap<String, Object>();
    row.put("email_hash", hash);
    row.put("bounces", 0);
    row.put("updated_at", now);
    // A row first, then the increment: the UPDATE locks it, so concurrent bounces all count.
    insertIfAbsent.insert("soft_bounce", List.of("email_hash"), row);
    jdbc.sql("UPDATE soft_bounce SET bounces = bounces + 1, updated_at = ? WHERE email_hash = ?").params(now, hash)
        .update();
    return jdbc.sql("SELECT bounces FROM soft_bounce WHERE email_hash = ?").param(hash).query(Integer.class).single();
  }
}
