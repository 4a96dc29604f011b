package io.itinera.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The event store: what each contact did, when. Writes join the caller's transaction. */
@Repository
public class ContactEvents {

  private final JdbcClient jdbc;

  public ContactEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Long> idOfMessage(String messageId) {
    return jdbc.sql("SELECT id FROM contact_event WHERE message_id = ?").param(messageId).query(Long.class).optional();
  }

  public long record(String contactId, String type, String propertiesJson, Instant occurredAt, Instant receivedAt,
      String messageId) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO contact_event (contact_id, type, properties, occurred_at, received_at, message_id)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(contactId, type, propertiesJson, utc(occurredAt), utc(receivedAt), messageId)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** Every event of this type since then, with its contact: conversions for the control group's report. */
  public List<Occurrence> ofTypeSince(String type, Instant since) {
    return jdbc.sql("SELECT contact_id, properties FROM contact_event WHERE type = ? AND occurred_at >= ?")
        .params(type, utc(since))
        .query((row, number) -> new Occurrence(row.getString(1), row.getString(2)))
        .list();
  }

  /** When the contact's latest events of these types happened, newest first. */
  public List<Instant> occurrences(String contactId, Collection<String> types, int limit) {
    return jdbc.sql("SELECT occurred_at FROM contact_event WHERE contact_id = :contact AND type IN (:types)"
            + " ORDER BY occurred_at DESC FETCH FIRST " + limit + " ROWS ONLY")
        .param("contact", contactId)
        .param("types", List.copyOf(types))
        .query((row, number) -> row.getObject(1, OffsetDateTime.class).toInstant())
        .list();
  }

  /** The contact's latest events that happened before {@code before}, newest first: what a forecast replays. */
  public List<StoredEvent> latestBefore(String contactId, Instant before, int limit) {
    return jdbc.sql("SELECT type, properties, occurred_at FROM contact_event WHERE contact_id = ? AND occurred_at < ?"
            + " ORDER BY occurred_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
        .params(contactId, utc(before))
        .query((row, number) -> new StoredEvent(row.getString(1), row.getString(2),
            row.getObject(3, OffsetDateTime.class).toInstant()))
        .list();
  }

  int count(String contactId, String type, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id = ? AND type = ? AND occurred_at >= ?")
        .params(contactId, type, utc(since)).query(Integer.class).single();
  }

  int countAll(String contactId, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id = ? AND occurred_at >= ?")
        .params(contactId, utc(since)).query(Integer.class).single();
  }

  Optional<Instant> first(String contactId, String type, Instant since) {
    return jdbc.sql("SELECT MIN(occurred_at) FROM contact_event WHERE contact_id = ? AND type = ? AND occurred_at >= ?")
        .params(contactId, type, utc(since))
        .query((row, number) -> Optional.ofNullable(row.getObject(1, OffsetDateTime.class)))
        .single()
        .map(OffsetDateTime::toInstant);
  }

  /** An event's contact and properties (JSON). */
  public record Occurrence(String contactId, String propertiesJson) {
  }

  /** An event as stored, its properties as the JSON text they were kept in. */
  public record StoredEvent(String type, String propertiesJson, Instant occurredAt) {
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
