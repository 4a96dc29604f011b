package io.itinera.outbox;

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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The claim rules of an outbox table, the same for every channel: each channel's table has the columns
 * {@code id, idempotency_key, contact_id, journey_key, step_id, status, reason, attempts, claimed_by,
 * next_attempt_at, created_at, sent_at, category, topic}, and one repository (a subclass) owns it. Writes join
 * the caller's transaction.
 */
@Repository
public abstract class OutboxRows<M extends Outgoing> {

  private final String channel;
  private final JdbcClient jdbc;
  private final String table;
  private final String columns;
  private final RowMapper<M> rows;
  /** A message still claimed by this owner: the condition of every update a dispatcher makes. */
  private final String owned;
  private final String markSent;

  /**
   * @param channel the channel's name in rules and reasons: {@code email}, {@code sms}
   * @param columns the columns {@code rows} reads
   * @param serverIdColumn where {@link #markSent} keeps the server's id of a message, or null to drop it
   */
  protected OutboxRows(String channel, JdbcClient jdbc, String table, String columns, RowMapper<M> rows,
      String serverIdColumn) {
    this.channel = channel;
    this.jdbc = jdbc;
    this.table = table;
    this.columns = columns;
    this.rows = rows;
    this.owned = " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'";
    this.markSent = "UPDATE " + table + " SET status = 'SENT', sent_at = ?, next_attempt_at = NULL, reason = NULL"
        + ", attempts = attempts + 1"
        + ", " + (serverIdColumn == null ? "claimed_by" : serverIdColumn) + " = ?" + owned;
  }

  public boolean hasKey(String idempotencyKey) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE idempotency_key = ?")
        .param(idempotencyKey).query(Integer.class).single() > 0;
  }

  /**
   * Claims up to {@code limit} due messages for {@code owner}: queued ones whose attempt is due, and
   * ones whose lease expired because their dispatcher died or did not get to them in time. Rows
   * another dispatcher is claiming at the same moment are skipped, not waited for.
   */
  public List<M> claim(int limit, Instant now, Instant leaseUntil, String owner) {
    var claimed = jdbc.sql("SELECT " + columns + " FROM " + table
            + " WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
        .param(utc(now))
        .query(rows)
        .list();
    if (claimed.isEmpty()) {
      return claimed;
    }
    var ids = claimed.stream().map(Outgoing::id).toList();
    // The UPDATE checks again that each row is still due, and only rows it took are returned: a row that
    // another dispatcher renewed or finished after the SELECT read it must never be taken over. PostgreSQL's
    // FOR UPDATE re-checks by itself; this keeps the rule independent of each database's locking.
    jdbc.sql("UPDATE " + table + " SET status = 'SENDING', claimed_by = :owner, next_attempt_at = :lease"
            + " WHERE id IN (:ids) AND status IN ('QUEUED', 'SENDING') AND next_attempt_at <= :now")
        .param("owner", owner)
        .param("lease", utc(leaseUntil))
        .param("ids", ids)
        .param("now", utc(now))
        .update();
    var ours = Set.copyOf(jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids) AND claimed_by = :owner")
        .param("ids", ids).param("owner", owner).query(String.class).list());
    return claimed.stream().filter(message -> ours.contains(message.id())).toList();
  }

  /**
   * Extends the owner's lease on one message just before sending it.
   * False when another dispatcher has taken the message over: then the owner must not send it.
   */
  public boolean renew(String id, String owner, Instant leaseUntil) {
    return jdbc.sql("UPDATE " + table + " SET next_attempt_at = ?" + owned)
        .params(utc(leaseUntil), id, owner).update() == 1;
  }

  /** The finishing updates act only on a message the owner still holds; each returns whether it did. */
  public boolean markSent(String id, String owner, Instant sentAt, String serverId) {
    // Without a server id column the placeholder sets claimed_by to the owner it already is.
    return jdbc.sql(markSent).params(utc(sentAt), serverId == null ? owner : serverId, id, owner).update() == 1;
  }

  public boolean retryLater(String id, String owner, int attempts, Instant nextAttemptAt, String reason) {
    return jdbc.sql("UPDATE " + table + " SET status = 'QUEUED', claimed_by = NULL, attempts = ?,"
            + " next_attempt_at = ?, reason = ?" + owned)
        .params(attempts, utc(nextAttemptAt), truncate(reason), id, owner).update() == 1;
  }

  public boolean markFailed(String id, String owner, int attempts, String reason) {
    return jdbc.sql("UPDATE " + table + " SET status = 'FAILED', attempts = ?, next_attempt_at = NULL, reason = ?"
            + owned)
        .params(attempts, truncate(reason), id, owner).update() == 1;
  }

  /**
   * The contact's marketing messages created since then that went or will go out (queued, being sent, sent),
   * each at the time it went or is due to go: what the channel rules count.
   */
  public List<Touch> marketingSince(String contactId, Instant since) {
    return jdbc.sql("SELECT topic, COALESCE(sent_at, next_attempt_at, created_at) AS at FROM " + table
            + " WHERE contact_id = ? AND category = 'MARKETING' AND status IN ('QUEUED', 'SENDING', 'SENT')"
            + " AND created_at >= ?")
        .params(contactId, utc(since))
        .query((row, number) -> new Touch(channel, row.getString("topic"), instant(row, "at")))
        .list();
  }

  /**
   * Takes back the contact's marketing messages held for later (by quiet hours, or until a retry): they are
   * skipped with the reason. Messages already due are on their way, and those being sent are not touched.
   */
  public int skipHeldMarketing(String contactId, Instant now, String reason) {
    return jdbc.sql("UPDATE " + table + " SET status = 'SKIPPED', next_attempt_at = NULL, reason = ?"
            + " WHERE contact_id = ? AND category = 'MARKETING' AND status = 'QUEUED' AND next_attempt_at > ?")
        .params(truncate(reason), contactId, utc(now)).update();
  }

  /** As {@link #skipHeldMarketing}, only the messages about this topic. */
  public int skipHeldMarketingAbout(String contactId, String topic, Instant now, String reason) {
    return jdbc.sql("UPDATE " + table + " SET status = 'SKIPPED', next_attempt_at = NULL, reason = ?"
            + " WHERE contact_id = ? AND category = 'MARKETING' AND status = 'QUEUED' AND next_attempt_at > ?"
            + " AND topic = ?")
        .params(truncate(reason), contactId, utc(now), topic).update();
  }

  /** As {@link #skipHeldMarketing}, only the messages due before {@code until} (a pause's end). */
  public int skipHeldMarketingUntil(String contactId, Instant until, Instant now, String reason) {
    return jdbc.sql("UPDATE " + table + " SET status = 'SKIPPED', next_attempt_at = NULL, reason = ?"
            + " WHERE contact_id = ? AND category = 'MARKETING' AND status = 'QUEUED' AND next_attempt_at > ?"
            + " AND next_attempt_at < ?")
        .params(truncate(reason), contactId, utc(now), utc(until)).update();
  }

  /** The channel whose outbox this is: {@code email}, {@code sms}, {@code push}. */
  public String channel() {
    return channel;
  }

  public Optional<M> find(String id) {
    return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE id = ?").param(id).query(rows).optional();
  }

  /** The contact's messages, newest first. */
  public List<M> ofContact(String contactId) {
    return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE contact_id = ? ORDER BY created_at DESC, id")
        .param(contactId).query(rows).list();
  }

  /** Per step of a journey, how many of its messages ended in each status. */
  public Map<String, Map<MessageStatus, Long>> statusByStep(String journeyKey) {
    var counts = new HashMap<String, Map<MessageStatus, Long>>();
    jdbc.sql("SELECT step_id, status, COUNT(*) FROM " + table + " WHERE journey_key = ? AND step_id IS NOT NULL"
            + " GROUP BY step_id, status")
        .param(journeyKey)
        .query(row -> {
          counts.computeIfAbsent(row.getString(1), step -> new EnumMap<>(MessageStatus.class))
              .put(MessageStatus.valueOf(row.getString(2)), row.getLong(3));
        });
    return counts;
  }

  /**
   * Messages waiting to be sent (queued, or claimed and not yet sent) and when the longest-waiting
   * due one was due; null when none is due. For the outbox gauges, read at each scrape.
   */
  public Backlog backlog(Instant now) {
    return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(CASE WHEN next_attempt_at <= ? THEN next_attempt_at END)"
            + " AS oldest_due FROM " + table + " WHERE status IN ('QUEUED', 'SENDING')")
        .param(utc(now))
        .query((row, number) -> new Backlog(row.getLong("waiting"), instant(row, "oldest_due")))
        .single();
  }

  /** See {@link #backlog(Instant)}. */
  public record Backlog(long waiting, Instant oldestDue) {
  }

  protected static String truncate(String reason) {
    return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
  }

  protected static Instant instant(ResultSet row, String column) throws SQLException {
    var value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  protected static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
