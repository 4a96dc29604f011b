package io.itinera.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Named segments and their members: owner of {@code segment_membership}. Writes join the caller's transaction. */
@Repository
public class Segments {

  private final JdbcClient jdbc;
  private final Clock clock;

  public Segments(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds the contact; adding a member again changes nothing. */
  public void add(String segment, String contactId) {
    jdbc.sql("""
            INSERT INTO segment_membership (segment, contact_id, added_at)
            SELECT ?, ?, ? FROM (VALUES (1)) AS one (x)
             WHERE NOT EXISTS (SELECT 1 FROM segment_membership WHERE segment = ? AND contact_id = ?)""")
        .params(segment, contactId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), segment, contactId)
        .update();
  }

  public void remove(String segment, String contactId) {
    jdbc.sql("DELETE FROM segment_membership WHERE segment = ? AND contact_id = ?").params(segment, contactId).update();
  }

  /** One page of members, in the order they joined. */
  public List<Member> members(String segment, int page, int size) {
    return jdbc.sql("SELECT contact_id, added_at FROM segment_membership WHERE segment = ?"
            + " ORDER BY added_at, contact_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
        .params(segment, (long) page * size, size)
        .query((row, number) -> new Member(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The segments the contact is in, by name. */
  public List<String> ofContact(String contactId) {
    return jdbc.sql("SELECT segment FROM segment_membership WHERE contact_id = ? ORDER BY segment")
        .param(contactId).query(String.class).list();
  }

  public boolean contains(String segment, String contactId) {
    return jdbc.sql("SELECT COUNT(*) FROM segment_membership WHERE contact_id = ? AND segment = ?")
        .params(contactId, segment).query(Integer.class).single() > 0;
  }

  public long count(String segment) {
    return jdbc.sql("SELECT COUNT(*) FROM segment_membership WHERE segment = ?").param(segment).query(Long.class).single();
  }

  /** A contact in a segment, and since when. */
  public record Member(String contactId, Instant addedAt) {
  }
}
