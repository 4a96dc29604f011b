package io.itinera.email;

import io.itinera.contact.Suppressions;
import io.itinera.database.InsertIfAbsent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Soft bounces counted per address (by the suppression list's hash). Writes join the caller's transaction. */
@Repository
class SoftBounces {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;
  private final Clock clock;

  SoftBounces(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
    this.clock = clock;
  }

  /** Counts one more soft bounce and returns the count. */
  int count(String email) {
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
