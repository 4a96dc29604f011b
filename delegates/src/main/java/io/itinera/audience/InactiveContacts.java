package io.itinera.audience;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Subscribed contacts who did nothing at all in the last 30 days (and have been around that long). */
@Component
public class InactiveContacts implements Audience {

  static final Duration INACTIVE = Duration.ofDays(30);

  private final JdbcClient jdbc;
  private final Clock clock;

  public InactiveContacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "inactive-30-days";
  }

  @Override
  public Page page(String cursor, int size) {
    var since = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(INACTIVE);
    var ids = jdbc.sql("""
            SELECT c.id FROM contact c
             WHERE c.id > ? AND c.unsubscribed_at IS NULL AND c.email IS NOT NULL AND c.created_at < ?
               AND NOT EXISTS (SELECT 1 FROM contact_event e WHERE e.contact_id = c.id AND e.occurred_at >= ?)
             ORDER BY c.id FETCH FIRST %d ROWS ONLY""".formatted(size))
        .params(cursor == null ? "" : cursor, since, since)
        .query(String.class)
        .list();
    return new Page(ids, ids.size() < size ? null : ids.get(ids.size() - 1));
  }
}
