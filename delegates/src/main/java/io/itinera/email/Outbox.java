package io.itinera.email;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.OutboxRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The email outbox table, with the claim rules every channel's outbox shares. Writes join the caller's transaction. */
@Repository
public class Outbox extends OutboxRows<OutboxMessage> {

  private static final String COLUMNS = "id, contact_id, journey_key, process_instance_id, template, category,"
      + " recipient, sender, reply_to, subject, html_body, text_body, status, reason, attempts, created_at, sent_at,"
      + " next_attempt_at";

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    super("email", jdbc, "email_message", COLUMNS, Outbox::message, null);
    this.jdbc = jdbc;
  }

  void insert(OutboxMessage message, String stepId, String idempotencyKey, String topic) {
    jdbc.sql("INSERT INTO email_message (" + COLUMNS + ", step_id, idempotency_key, topic)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(message.id(), message.contactId(), message.journeyKey(), message.processInstanceId(),
            message.template(), message.category().name(), message.recipient(), message.sender(), message.replyTo(),
            message.subject(), message.html(), message.text(), message.status().name(), message.reason(),
            message.attempts(), utc(message.createdAt()), utc(message.sentAt()), utc(message.nextAttemptAt()), stepId,
            idempotencyKey, topic)
        .update();
  }

  /** The topic the email's step named, if any: what its one-click unsubscribe leaves. */
  public Optional<String> topicOf(String id) {
    return jdbc.sql("SELECT topic FROM email_message WHERE id = ? AND topic IS NOT NULL").param(id).query(String.class)
        .optional();
  }

  /**
   * Per step of a journey, how many of its emails were opened and clicked at least once. The tracking
   * endpoints record one event per message as {@code opened:<message>} and per link as
   * {@code clicked:<link>:<message>} (the event's message id), which is what ties an event to its email.
   */
  public Map<String, Engagement> engagementByStep(String journeyKey) {
    var counts = new HashMap<String, Engagement>();
    jdbc.sql("SELECT m.step_id,"
            + " COUNT(DISTINCT CASE WHEN e.type = 'email_opened' THEN m.id END),"
            + " COUNT(DISTINCT CASE WHEN e.type = 'email_clicked' THEN m.id END)"
            + " FROM email_message m JOIN contact_event e ON e.contact_id = m.contact_id"
            + " AND e.type IN ('email_opened', 'email_clicked')"
            + " AND (e.message_id = CONCAT('opened:', m.id) OR e.message_id LIKE CONCAT('clicked:%:', m.id))"
            + " WHERE m.journey_key = ? AND m.step_id IS NOT NULL GROUP BY m.step_id")
        .param(journeyKey)
        .query(row -> {
          counts.put(row.getString(1), new Engagement(row.getLong(2), row.getLong(3)));
        });
    return counts;
  }

  /** Emails of one step opened and clicked, each email counted once however often it was. */
  public record Engagement(long opened, long clicked) {

    public static final Engagement NONE = new Engagement(0, 0);
  }

  private static OutboxMessage message(ResultSet row, int number) throws SQLException {
    return new OutboxMessage(
        row.getString("id"),
        row.getString("contact_id"),
        row.getString("journey_key"),
        row.getString("process_instance_id"),
        row.getString("template"),
        MessageCategory.valueOf(row.getString("category")),
        row.getString("recipient"),
        row.getString("sender"),
        row.getString("reply_to"),
        row.getString("subject"),
        row.getString("html_body"),
        row.getString("text_body"),
        MessageStatus.valueOf(row.getString("status")),
        row.getString("reason"),
        row.getInt("attempts"),
        instant(row, "created_at"),
        instant(row, "sent_at"),
        instant(row, "next_attempt_at"));
  }
}
