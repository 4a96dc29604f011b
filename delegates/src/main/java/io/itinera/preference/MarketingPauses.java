package io.itinera.preference;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code marketing_pause}: until when a contact asked for no marketing at all. */
@Repository
class MarketingPauses {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;

  MarketingPauses(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
  }

  Optional<Instant> until(String contactId) {
    return jdbc.sql("SELECT paused_until FROM marketing_pause WHERE contact_id = ?").param(contactId)
        .query((row, number) -> row.getObject(1, OffsetDateTime.class).toInstant())
        .optional();
  }

  /** Pauses until then (a time in the past lifts the pause); the caller holds the contact's row lock. */
  void pause(String contactId, Instant until, Instant at, String source) {
    var row = new LinkedHashMap<String, Object>();
    row.put("contact_id", contactId);
    row.put("paused_until", until.atOffset(ZoneOffset.UTC));
    row.put("changed_at", at.atOffset(ZoneOffset.UTC));
    row.put("source", source);
    if (!insertIfAbsent.insert("marketing_pause", List.of("contact_id"), row)) {
      jdbc.sql("UPDATE marketing_pause SET paused_until = ?, changed_at = ?, source = ? WHERE contact_id = ?")
          .params(until.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), source, contactId)
          .update();
    }
  }
}
