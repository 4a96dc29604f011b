package io.itinera.push;

import io.itinera.database.InsertIfAbsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code push_subscription}. Joins the caller's transaction. */
@Repository
public class PushSubscriptions {

  private static final String COLUMNS = "id, contact_id, endpoint, p256dh, auth, expires_at, created_at";

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;

  public PushSubscriptions(JdbcClient jdbc, InsertIfAbsent inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  /**
   * Keeps the subscription under its endpoint: an endpoint seen before gets the new keys and contact (a browser
   * subscribes again, or another person logs in on it) and keeps its id. Two contacts registering the same
   * endpoint at once both succeed, the later one keeping it.
   */
  PushSubscription save(PushSubscription subscription, Instant now) {
    var row = new LinkedHashMap<String, Object>();
    row.put("id", subscription.id());
    row.put("contact_id", subscription.contactId());
    row.put("endpoint", subscription.endpoint());
    row.put("p256dh", subscription.p256dh());
    row.put("auth", subscription.auth());
    if (subscription.expiresAt() != null) {
      // InsertIfAbsent takes no nulls: a column left out is null all the same.
      row.put("expires_at", utc(subscription.expiresAt()));
    }
    row.put("created_at", utc(now));
    row.put("updated_at", utc(now));
    if (!inserts.insert("push_subscription", List.of("endpoint"), row)) {
      jdbc.sql("UPDATE push_subscription SET contact_id = ?, p256dh = ?, auth = ?, expires_at = ?,"
              + " updated_at = ? WHERE endpoint = ?")
          .params(subscription.contactId(), subscription.p256dh(), subscription.auth(), utc(subscription.expiresAt()),
              utc(now), subscription.endpoint())
          .update();
    }
    return byEndpoint(subscription.endpoint()).orElseThrow();
  }

  public Optional<PushSubscription> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM push_subscription WHERE id = ?").param(id).query(this::row)
        .optional();
  }

  Optional<PushSubscription> byEndpoint(String endpoint) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM push_subscription WHERE endpoint = ?").param(endpoint)
        .query(this::row).optional();
  }

  /** The contact's subscriptions, oldest first. */
  public List<PushSubscription> ofContact(String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM push_subscription WHERE contact_id = ? ORDER BY created_at, id")
        .param(contactId).query(this::row).list();
  }

  /** Removes one of the contact's subscriptions; false if the contact has none with this id. */
  public boolean delete(String contactId, String id) {
    return jdbc.sql("DELETE FROM push_subscription WHERE contact_id = ? AND id = ?").params(contactId, id)
        .update() == 1;
  }

  /** Removes a subscription its push service no longer knows (404, 410). */
  boolean delete(String id) {
    return jdbc.sql("DELETE FROM push_subscription WHERE id = ?").param(id).update() == 1;
  }

  private PushSubscription row(ResultSet row, int number) throws SQLException {
    var expires = row.getObject("expires_at", OffsetDateTime.class);
    return new PushSubscription(row.getString("id"), row.getString("contact_id"), row.getString("endpoint"),
        row.getString("p256dh"), row.getString("auth"), expires == null ? null : expires.toInstant(),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
