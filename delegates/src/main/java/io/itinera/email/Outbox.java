package io.itinera.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table. Writes join the caller's transaction. */
@Repository
public class Outbox {

  private static final String COLUMNS = "id, contact_id, journey_key, process_instance_id, template, category,"
      + " recipient, sender, reply_to, subject, html_body, text_body, status, reason, attempts, created_at, sent_at";

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean hasKey(String idempotencyKey) {
    return jdbc.sql("SELECT COUNT(*) FROM email_message WHERE idempotency_key = ?")
        .param(idempotencyKey).query(Integer.class).single() > 0;
  }

  void insert(OutboxMessage message, String stepId, String idempotencyKey, Instant nextAttemptAt) {
    jdbc.sql("INSERT INTO email_message (" + COLUMNS + ", step_id, idempotency_key, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(message.id(), message.contactId(), message.journeyKey(), message.processInstanceId(),
            message.template(), message.category().name(), message.recipient(), message.sender(), message.replyTo(),
            message.subject(), message.html(), message.text(), message.status().name(), message.reason(),
            message.attempts(), utc(message.createdAt()), utc(message.sentAt()), stepId, idempotencyKey,
            utc(nextAttemptAt))
        .update();
  }

  /**
   * Claims up to {@code limit} due messages for one dispatcher: queued ones whose attempt is due,
   * and ones whose claim expired because their dispatcher died. Rows another dispatcher is
   * claiming at the same moment are skipped, not waited for.
   */
  List<OutboxMessage> claim(int limit, Instant now, Instant leaseUntil) {
    var claimed = jdbc.sql("SELECT " + COLUMNS + " FROM email_message"
            + " WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
        .param(utc(now))
        .query(Outbox::message)
        .list();
    if (!claimed.isEmpty()) {
      jdbc.sql("UPDATE email_message SET status = 'SENDING', next_attempt_at = :lease, attempts = attempts + 1"
              + " WHERE id IN (:ids)")
          .param("lease", utc(leaseUntil))
          .param("ids", claimed.stream().map(OutboxMessage::id).toList())
          .update();
    }
    return claimed;
  }

  void markSent(String id, Instant sentAt) {
    jdbc.sql("UPDATE email_message SET status = 'SENT', sent_at = ?, next_attempt_at = NULL, reason = NULL WHERE id = ?")
        .params(utc(sentAt), id).update();
  }

  void retryLater(String id, Instant nextAttemptAt, String reason) {
    jdbc.sql("UPDATE email_message SET status = 'QUEUED', next_attempt_at = ?, reason = ? WHERE id = ?")
        .params(utc(nextAttemptAt), truncate(reason), id).update();
  }

  void markFailed(String id, String reason) {
    jdbc.sql("UPDATE email_message SET status = 'FAILED', next_attempt_at = NULL, reason = ? WHERE id = ?")
        .params(truncate(reason), id).update();
  }

  public Optional<OutboxMessage> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM email_message WHERE id = ?").param(id).query(Outbox::message).optional();
  }

  /** The contact's messages, newest first. */
  public List<OutboxMessage> ofContact(String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM email_message WHERE contact_id = ? ORDER BY created_at DESC, id")
        .param(contactId).query(Outbox::message).list();
  }

  /** Per step of a journey, how many of its emails ended in each status. */
  public Map<String, Map<MessageStatus, Long>> statusByStep(String journeyKey) {
    var counts = new HashMap<String, Map<MessageStatus, Long>>();
    jdbc.sql("SELECT step_id, status, COUNT(*) FROM email_message WHERE journey_key = ? AND step_id IS NOT NULL"
            + " GROUP BY step_id, status")
        .param(journeyKey)
        .query(row -> {
          counts.computeIfAbsent(row.getString(1), step -> new EnumMap<>(MessageStatus.class))
              .put(MessageStatus.valueOf(row.getString(2)), row.getLong(3));
        });
    return counts;
  }

  /** Marketing messages queued or sent to the contact since then, for the frequency cap. */
  List<Instant> marketingSince(String contactId, Instant since) {
    return jdbc.sql("SELECT created_at FROM email_message WHERE contact_id = ? AND category = 'MARKETING'"
            + " AND status IN ('QUEUED', 'SENDING', 'SENT') AND created_at >= ? ORDER BY created_at DESC")
        .params(contactId, utc(since))
        .query((row, number) -> row.getObject(1, OffsetDateTime.class).toInstant())
        .list();
  }

  private static OutboxMessage message(ResultSet row, int number) throws SQLException {
    return new OutboxMessage(
        row.getString("id"),
        row.getString("contact_id"),
        row.getString("journey_key"),
        row.getString("process_instance_id"),
        row.getString("template"),
        EmailCategory.valueOf(row.getString("category")),
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
        instant(row, "sent_at"));
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    var value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
