package io.itinera.preference;

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

/** Sole owner of {@code topic_subscription}: each contact's last choice per topic and channel, with its evidence. */
@Repository
class TopicSubscriptions {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;

  TopicSubscriptions(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
  }

  Optional<Subscription> of(String contactId, String topic, String channel) {
    return jdbc.sql("SELECT topic, channel, subscribed, changed_at, source FROM topic_subscription"
            + " WHERE contact_id = ? AND topic = ? AND channel = ?")
        .params(contactId, topic, channel)
        .query((row, number) -> subscription(row))
        .optional();
  }

  List<Subscription> ofContact(String contactId) {
    return jdbc.sql("SELECT topic, channel, subscribed, changed_at, source FROM topic_subscription"
            + " WHERE contact_id = ? ORDER BY topic, channel")
        .param(contactId)
        .query((row, number) -> subscription(row))
        .list();
  }

  /** Keeps the choice; the caller holds the contact's row lock. */
  void record(String contactId, Subscription choice) {
    var row = new LinkedHashMap<String, Object>();
    row.put("contact_id", contactId);
    row.put("topic", choice.topic());
    row.put("channel", choice.channel());
    row.put("subscribed", choice.subscribed());
    row.put("changed_at", choice.at().atOffset(ZoneOffset.UTC));
    row.put("source", choice.source());
    if (!insertIfAbsent.insert("topic_subscription", List.of("contact_id", "topic", "channel"), row)) {
      jdbc.sql("UPDATE topic_subscription SET subscribed = ?, changed_at = ?, source = ?"
              + " WHERE contact_id = ? AND topic = ? AND channel = ?")
          .params(choice.subscribed(), choice.at().atOffset(ZoneOffset.UTC), choice.source(), contactId,
              choice.topic(), choice.channel())
          .update();
    }
  }

  private static Subscription subscription(ResultSet row) throws SQLException {
    return new Subscription(row.getString("topic"), row.getString("channel"), row.getBoolean("subscribed"),
        row.getObject("changed_at", OffsetDateTime.class).toInstant(), row.getString("source"));
  }

  /** A contact's choice on one topic and channel: when, and from where (the app, the preference page). */
  record Subscription(String topic, String channel, boolean subscribed, Instant at, String source) {
  }
}
