package io.itinera.push;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.OutboxRows;
import io.itinera.outbox.Touch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The push outbox table, with the claim rules every channel's outbox shares. Writes join the caller's transaction. */
@Repository
public class PushOutbox extends OutboxRows<PushMessage> {

  private static final String COLUMNS = "id, contact_id, journey_key, process_instance_id, category, subscription_id,"
      + " title, body, url, status, reason, attempts, created_at, sent_at, next_attempt_at, push_service_id";

  private final JdbcClient jdbc;

  public PushOutbox(JdbcClient jdbc) {
    super("push", jdbc, "push_message", COLUMNS, PushOutbox::message, "push_service_id");
    this.jdbc = jdbc;
  }

  /**
   * @param stepPass the step's idempotency key, shared by the messages of one pass
   * @param idempotencyKey the pass and the subscription: unique
   */
  void insert(PushMessage message, String stepId, String stepPass, String idempotencyKey, String topic) {
    jdbc.sql("INSERT INTO push_message (" + COLUMNS + ", step_id, step_pass, idempotency_key, topic)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(message.id(), message.contactId(), message.journeyKey(), message.processInstanceId(),
            message.category().name(), message.subscriptionId(), message.title(), message.body(), message.url(),
            message.status().name(), truncate(message.reason()), message.attempts(), utc(message.createdAt()),
            utc(message.sentAt()), utc(message.nextAttemptAt()), null, stepId, stepPass, idempotencyKey, topic)
        .update();
  }

  /** One push to several of the contact's browsers is one message to the contact: counted once per step pass. */
  @Override
  public List<Touch> marketingSince(String contactId, Instant since) {
    return jdbc.sql("SELECT step_pass, MIN(topic) AS topic, MIN(COALESCE(sent_at, next_attempt_at, created_at)) AS at"
            + " FROM push_message WHERE contact_id = ? AND category = 'MARKETING'"
            + " AND status IN ('QUEUED', 'SENDING', 'SENT') AND created_at >= ? GROUP BY step_pass")
        .params(contactId, utc(since))
        .query((row, number) -> new Touch(PushQueue.CHANNEL, row.getString("topic"), instant(row, "at")))
        .list();
  }

  /** Whether this pass of a step queued (or skipped) its messages already. */
  boolean hasStepPass(String stepPass) {
    return jdbc.sql("SELECT COUNT(*) FROM push_message WHERE step_pass = ?").param(stepPass)
        .query(Integer.class).single() > 0;
  }

  private static PushMessage message(ResultSet row, int number) throws SQLException {
    return new PushMessage(
        row.getString("id"),
        row.getString("contact_id"),
        row.getString("journey_key"),
        row.getString("process_instance_id"),
        MessageCategory.valueOf(row.getString("category")),
        row.getString("subscription_id"),
        row.getString("title"),
        row.getString("body"),
        row.getString("url"),
        MessageStatus.valueOf(row.getString("status")),
        row.getString("reason"),
        row.getInt("attempts"),
        instant(row, "created_at"),
        instant(row, "sent_at"),
        instant(row, "next_attempt_at"),
        row.getString("push_service_id"));
  }
}
