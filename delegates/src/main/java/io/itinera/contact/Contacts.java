package io.itinera.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The contact store, sole owner of the {@code contact} table. Writes join the caller's transaction.
 * {@link #inactive} also reads {@code contact_event} (owned by ContactEvents), only to read.
 */
@Repository
public class Contacts {

  private static final String COLUMNS = "id, email, phone, timezone, locale, lifecycle_stage, attributes, engagement_score,"
      + " score_at, last_engaged_at, unsubscribed_at, created_at, updated_at";
  private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() { };

  /** The size of the attributes column (V3__contacts_and_events.sql). */
  private static final int MAX_ATTRIBUTES_JSON = 262_144;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public Contacts(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<Contact> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE id = ?").param(id).query(this::contact).optional();
  }

  /** The contact a running journey is about; its absence is a fault (an erased contact's runs are cancelled). */
  public Contact require(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("There is no contact '" + id + "'"));
  }

  /** Reads the contact and locks its row until the transaction ends, so concurrent updates queue up. */
  public Optional<Contact> findForUpdate(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE id = ? FOR UPDATE").param(id).query(this::contact).optional();
  }

  public void insert(Contact contact) {
    jdbc.sql("INSERT INTO contact (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(contact.id(), contact.email(), contact.phone(), contact.timezone().getId(), contact.locale(), contact.lifecycleStage(),
            attributes(contact), contact.engagementScore(), utc(contact.scoreAt()), utc(contact.lastEngagedAt()),
            utc(contact.unsubscribedAt()), utc(contact.createdAt()), utc(contact.updatedAt()))
        .update();
  }

  public void update(Contact contact) {
    jdbc.sql("""
            UPDATE contact SET email = ?, phone = ?, timezone = ?, locale = ?, lifecycle_stage = ?, attributes = ?,
                   engagement_score = ?, score_at = ?, last_engaged_at = ?, unsubscribed_at = ?, updated_at = ?
             WHERE id = ?""")
        .params(contact.email(), contact.phone(), contact.timezone().getId(), contact.locale(), contact.lifecycleStage(),
            attributes(contact), contact.engagementScore(), utc(contact.scoreAt()), utc(contact.lastEngagedAt()),
            utc(contact.unsubscribedAt()), utc(contact.updatedAt()), contact.id())
        .update();
  }

  /**
   * Stops marketing email to the contact from now on.
   *
   * @return empty if there is no such contact, else whether it was subscribed until now
   */
  public Optional<Boolean> unsubscribe(String id, Instant at) {
    return findForUpdate(id).map(contact -> {
      if (contact.unsubscribedAt() != null) {
        return false;
      }
      update(contact.unsubscribed(at));
      return true;
    });
  }

  /**
   * One page of ids, after {@code cursor}, of contacts with an address whose attributes mention
   * {@code attribute}: the attributes are JSON, so the caller reads and checks the value itself.
   */
  public List<String> withAttribute(String attribute, String cursor, int size) {
    return jdbc.sql("SELECT id FROM contact WHERE id > ? AND email IS NOT NULL AND attributes LIKE ?"
            + " ORDER BY id FETCH FIRST %d ROWS ONLY".formatted(size))
        .params(cursor == null ? "" : cursor, "%\"" + attribute + "\"%")
        .query(String.class)
        .list();
  }

  /**
   * One page of ids, after {@code cursor}, of subscribed contacts with an address, created before
   * {@code since}, and with no event since then.
   */
  public List<String> inactive(OffsetDateTime since, String cursor, int size) {
    return jdbc.sql("""
            SELECT c.id FROM contact c
             WHERE c.id > ? AND c.unsubscribed_at IS NULL AND c.email IS NOT NULL AND c.created_at < ?
               AND NOT EXISTS (SELECT 1 FROM contact_event e WHERE e.contact_id = c.id AND e.occurred_at >= ?)
             ORDER BY c.id FETCH FIRST %d ROWS ONLY""".formatted(size))
        .params(cursor == null ? "" : cursor, since, since)
        .query(String.class)
        .list();
  }

  /** The ids of the contacts with this phone number (E.164): an inbound SMS names only its sender's number. */
  public List<String> withPhone(String phone) {
    return jdbc.sql("SELECT id FROM contact WHERE phone = ? ORDER BY id").param(phone).query(String.class).list();
  }

  /** Deletes the contact with its events and segment memberships. */
  public boolean delete(String id) {
    return jdbc.sql("DELETE FROM contact WHERE id = ?").param(id).update() > 0;
  }

  private Contact contact(ResultSet row, int rowNumber) throws SQLException {
    try {
      return new Contact(
          row.getString("id"),
          row.getString("email"),
          row.getString("phone"),
          ZoneId.of(row.getString("timezone")),
          row.getString("locale"),
          row.getString("lifecycle_stage"),
          json.readValue(row.getString("attributes"), ATTRIBUTES),
          row.getDouble("engagement_score"),
          instant(row, "score_at"),
          instant(row, "last_engaged_at"),
          instant(row, "unsubscribed_at"),
          instant(row, "created_at"),
          instant(row, "updated_at"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Contact " + row.getString("id") + " has unreadable attributes", e);
    }
  }

  private String attributes(Contact contact) {
    try {
      var attributes = json.writeValueAsString(contact.attributes());
      if (attributes.length() > MAX_ATTRIBUTES_JSON) {
        throw new AttributesTooLargeException("A contact's attributes are at most " + MAX_ATTRIBUTES_JSON
            + " characters as JSON; this change would make " + attributes.length());
      }
      return attributes;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Attributes of contact " + contact.id() + " cannot be written as JSON", e);
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    var value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
