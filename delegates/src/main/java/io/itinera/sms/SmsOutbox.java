package io.itinera.sms;

import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.outbox.OutboxRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SMS outbox table, with the claim rules every channel's outbox shares. Writes join the caller's transaction. */
@Repository
public class SmsOutbox extends OutboxRows<SmsMessage> {

  private static final String COLUMNS = "id, contact_id, journey_key, process_instance_id, category, recipient, sender,"
      + " text_body, status, reason, attempts, created_at, sent_at, next_attempt_at, smsc_message_id, receipt,"
      + " receipt_at";

  private final JdbcClient jdbc;

  public SmsOutbox(JdbcClient jdbc) {
    super("sms", jdbc, "sms_message", COLUMNS, SmsOutbox::message, "smsc_message_id");
    this.jdbc = jdbc;
  }

  void insert(SmsMessage message, String stepId, String idempotencyKey, String topic) {
    jdbc.sql("INSERT INTO sms_message (" + COLUMNS + ", step_id, idempotency_key, topic)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(message.id(), message.contactId(), message.journeyKey(), message.processInstanceId(),
            message.category().name(), message.recipient(), message.sender(), message.text(), message.status().name(),
            message.reason(), message.attempts(), utc(message.createdAt()), utc(message.sentAt()),
            utc(message.nextAttemptAt()), null, null, null, stepId, idempotencyKey, topic)
        .update();
  }

  /** The message whose last part the SMSC knows by this id. */
  Optional<SmsMessage> bySmscId(String smscMessageId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM sms_message WHERE smsc_message_id = ?")
        .param(smscMessageId).query(SmsOutbox::message).optional();
  }

  /** Keeps the first receipt's state; a receipt the SMSC sends again changes nothing. Returns whether it was the first. */
  boolean recordReceipt(String id, String state, Instant at) {
    return jdbc.sql("UPDATE sms_message SET receipt = ?, receipt_at = ? WHERE id = ? AND receipt IS NULL")
        .params(state, utc(at), id).update() == 1;
  }

  private static SmsMessage message(ResultSet row, int number) throws SQLException {
    return new SmsMessage(
        row.getString("id"),
        row.getString("contact_id"),
        row.getString("journey_key"),
        row.getString("process_instance_id"),
        MessageCategory.valueOf(row.getString("category")),
        row.getString("recipient"),
        row.getString("sender"),
        row.getString("text_body"),
        MessageStatus.valueOf(row.getString("status")),
        row.getString("reason"),
        row.getInt("attempts"),
        instant(row, "created_at"),
        instant(row, "sent_at"),
        instant(row, "next_attempt_at"),
        row.getString("smsc_message_id"),
        row.getString("receipt"),
        instant(row, "receipt_at"));
  }
}
