package io.itinera.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code push_subscription}. Joins the caller's transaction. */
@Repository
public class PushSubscriptions {

  private static final String COLUMNS = "id, contact_id, endpoint, p256dh, auth, expires_at, created_at";

  private final JdbcClient jdbc;

  public PushSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the subscription under its endpoint: an endpoint seen before gets the new keys and contact (a browser
   * subscribes again, or another person logs in on it) and keeps its id. The caller holds the contact's row lock;
   * two contacts registering the same endpoint at once make one of them fail on the unique index and retry.
   */
  PushSubscription save(PushSubscription subscription, Instant now) {
    var updated = jdbc.sql("UPDATE push_subscription SET contact_id = ?, p256dh = ?, auth = ?, expires_at = ?,"
            + " updated_at = ? WHERE endpoint = ?")
        .params(subscription.contactId(), subscription.p256dh(), subscription.auth(), utc(subscription.expiresAt()),
            utc(now), subscription.endpoint())
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO push_subscription (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(subscription.id(), subscription.contactId(), subscription.endpoint(), subscription.p256dh(),
              subscription.auth(), utc(subscription.expiresAt()), utc(now), utc(now))
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
