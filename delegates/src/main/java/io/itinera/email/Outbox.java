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
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table. Writes join the caller's transaction. */
@Repository
public class Outbox {

  private static final String COLUMNS = "id, contact_id, journey_key, process_instance_id, template, category,"
      + " recipient, sender, reply_to, subject, html_body, text_body, status, reason, attempts, created_at, sent_at,"
      + " next_attempt_at";

  /** A message still claimed by this owner: the condition of every update a dispatcher makes. */
  private static final String OWNED = " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'";

  private final JdbcClient jdbc;

  public Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean hasKey(String idempotencyKey) {
    return jdbc.sql("SELECT COUNT(*) FROM email_message WHERE idempotency_key = ?")
        .param(idempotencyKey).query(Integer.class).single() > 0;
  }

  void insert(OutboxMessage message, String stepId, String idempotencyKey) {
    jdbc.sql("INSERT INTO email_message (" + COLUMNS + ", step_id, idempotency_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(message.id(), message.contactId(), message.journeyKey(), message.processInstanceId(),
            message.template(), message.category().name(), message.recipient(), message.sender(), message.replyTo(),
            message.subject(), message.html(), message.text(), message.status().name(), message.reason(),
            message.attempts(), utc(message.createdAt()), utc(message.sentAt()), utc(message.nextAttemptAt()), stepId,
            idempotencyKey)
        .update();
  }

  /**
   * Claims up to {@code limit} due messages for {@code owner}: queued ones whose attempt is due, and
   * ones whose lease expired because their dispatcher died or did not get to them in time. Rows
   * another dispatcher is claiming at the same moment are skipped, not waited for.
   */
  List<OutboxMessage> claim(int limit, Instant now, Instant leaseUntil, String owner) {
    var claimed = jdbc.sql("SELECT " + COLUMNS + " FROM email_message"
            + " WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
        .param(utc(now))
        .query(Outbox::message)
        .list();
    if (claimed.isEmpty()) {
      return claimed;
    }
    var ids = claimed.stream().map(OutboxMessage::id).toList();
    // The UPDATE checks again that each row is still due, and only rows it took are returned: a row that
    // another dispatcher renewed or finished after the SELECT read it must never be taken over. PostgreSQL's
    // FOR UPDATE re-checks by itself; this keeps the rule independent of each database's locking.
    jdbc.sql("UPDATE email_message SET status = 'SENDING', claimed_by = :owner, next_attempt_at = :lease"
            + " WHERE id IN (:ids) AND status IN ('QUEUED', 'SENDING') AND next_attempt_at <= :now")
        .param("owner", owner)
        .param("lease", utc(leaseUntil))
        .param("ids", ids)
        .param("now", utc(now))
        .update();
    var ours = Set.copyOf(jdbc.sql("SELECT id FROM email_message WHERE id IN (:ids) AND claimed_by = :owner")
        .param("ids", ids).param("owner", owner).query(String.class).list());
    return claimed.stream().filter(message -> ours.contains(message.id())).toList();
  }

  /**
   * Extends the owner's lease on one message just before sending it, and counts the attempt.
   * False when another dispatcher has taken the message over: then the owner must not send it.
   */
  boolean renew(String id, String owner, Instant leaseUntil) {
    return jdbc.sql("UPDATE email_message SET next_attempt_at = ?, attempts = attempts + 1" + OWNED)
        .params(utc(leaseUntil), id, owner).update() == 1;
  }

  /** The finishing updates act only on a message the owner still holds; each returns whether it did. */
  boolean markSent(String id, String owner, Instant sentAt) {
    return jdbc.sql("UPDATE email_message SET status = 'SENT', sent_at = ?, next_attempt_at = NULL, reason = NULL"
            + OWNED)
        .params(utc(sentAt), id, owner).update() == 1;
  }

  boolean retryLater(String id, String owner, int attempts, Instant nextAttemptAt, String reason) {
    return jdbc.sql("UPDATE email_message SET status = 'QUEUED', claimed_by = NULL, attempts = ?, next_attempt_at = ?,"
            + " reason = ?" + OWNED)
        .params(attempts, utc(nextAttemptAt), truncate(reason), id, owner).update() == 1;
  }

  boolean markFailed(String id, String owner, int attempts, String reason) {
    return jdbc.sql("UPDATE email_message SET status = 'FAILED', attempts = ?, next_attempt_at = NULL, reason = ?"
            + OWNED)
        .params(attempts, truncate(reason), id, owner).update() == 1;
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

  /**
   * Messages waiting to be sent (queued, or claimed and not yet sent) and when the longest-waiting
   * due one was due; null when none is due. For the outbox gauges, read at each scrape.
   */
  public Backlog backlog(Instant now) {
    return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(CASE WHEN next_attempt_at <= ? THEN next_attempt_at END)"
            + " AS oldest_due FROM email_message WHERE status IN ('QUEUED', 'SENDING')")
        .param(utc(now))
        .query((row, number) -> new Backlog(row.getLong("waiting"), instant(row, "oldest_due")))
        .single();
  }

  /** See {@link #backlog(Instant)}. */
  public record Backlog(long waiting, Instant oldestDue) {
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
        instant(row, "sent_at"),
        instant(row, "next_attempt_at"));
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
