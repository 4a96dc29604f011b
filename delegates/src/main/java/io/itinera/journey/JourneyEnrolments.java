package io.itinera.journey;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which contact is in which journey. Writes join the caller's transaction, so an enrolment is
 * committed or rolled back together with the engine's start or end of the run.
 */
@Repository
public class JourneyEnrolments {

  private static final String COLUMNS =
      "journey_key, contact_id, process_instance_id, status, entered_at, exited_at, goal";

  private final JdbcClient jdbc;

  public JourneyEnrolments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a new active run. Unless the journey allows concurrent runs, a second active run of
   * the same journey for the contact is refused, also when two starts race.
   */
  public void enter(String journeyKey, String contactId, String processInstanceId, Instant enteredAt,
      boolean concurrentRunsAllowed) {
    var activeKey = concurrentRunsAllowed ? processInstanceId : contactId;
    try {
      jdbc.sql("""
              INSERT INTO journey_enrolment
                (process_instance_id, journey_key, contact_id, status, active_key, entered_at)
              VALUES (?, ?, ?, 'ACTIVE', ?, ?)""")
          .params(processInstanceId, journeyKey, contactId, activeKey, utc(enteredAt))
          .update();
    } catch (DuplicateKeyException e) {
      throw new EntryRefusedException(journeyKey, contactId, EntryRule.ACTIVE, "the contact is already in this journey");
    }
  }

  /** Marks an active run as exited; a run that already exited keeps its first exit. */
  public void exit(String processInstanceId, EnrolmentStatus status, Instant exitedAt, String goal) {
    if (status == EnrolmentStatus.ACTIVE || (status == EnrolmentStatus.CONVERTED) != (goal != null)) {
      throw new IllegalArgumentException("An exit needs a final status, and a goal exactly when converted");
    }
    jdbc.sql("""
            UPDATE journey_enrolment
               SET status = ?, active_key = NULL, exited_at = ?, goal = ?
             WHERE process_instance_id = ? AND status = 'ACTIVE'""")
        .params(status.name(), utc(exitedAt), goal, processInstanceId)
        .update();
  }

  /** Every contact that entered a journey since then: the population the global control group is measured in. */
  public List<String> contactsEnteredSince(Instant since) {
    return jdbc.sql("SELECT DISTINCT contact_id FROM journey_enrolment WHERE entered_at >= ?")
        .param(utc(since)).query(String.class).list();
  }

  /** The revenue the goal event of a run carried, for experiment results. */
  public void recordRevenue(String processInstanceId, BigDecimal revenue) {
    jdbc.sql("UPDATE journey_enrolment SET revenue = ? WHERE process_instance_id = ?")
        .params(revenue, processInstanceId).update();
  }

  /** Every run of every journey the contact has been in, newest first. */
  public List<Enrolment> ofContact(String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM journey_enrolment WHERE contact_id = ?"
            + " ORDER BY entered_at DESC, process_instance_id")
        .param(contactId)
        .query(JourneyEnrolments::enrolment)
        .list();
  }

  /** Every run of one journey for the contact, newest first. */
  public List<Enrolment> of(String journeyKey, String contactId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM journey_enrolment WHERE contact_id = ? AND journey_key = ?"
            + " ORDER BY entered_at DESC, process_instance_id")
        .params(contactId, journeyKey)
        .query(JourneyEnrolments::enrolment)
        .list();
  }

  /** The journey's runs per status, with the revenue their goal events carried, over all its versions. */
  public List<StatusTotal> totalsByStatus(String journeyKey) {
    return jdbc.sql("SELECT status, COUNT(*), COALESCE(SUM(revenue), 0) FROM journey_enrolment WHERE journey_key = ?"
            + " GROUP BY status")
        .param(journeyKey)
        .query((row, number) -> new StatusTotal(row.getString(1), row.getLong(2), row.getBigDecimal(3)))
        .list();
  }

  /** Forgets the contact's runs: part of erasing a contact, after its runs were cancelled. */
  public void deleteOfContact(String contactId) {
    jdbc.sql("DELETE FROM journey_enrolment WHERE contact_id = ?").param(contactId).update();
  }

  /** How many runs of a journey have a status, and their revenue. */
  public record StatusTotal(String status, long runs, BigDecimal revenue) {
  }

  private static Enrolment enrolment(ResultSet row, int rowNumber) throws SQLException {
    var exitedAt = row.getObject("exited_at", OffsetDateTime.class);
    return new Enrolment(
        row.getString("journey_key"),
        row.getString("contact_id"),
        row.getString("process_instance_id"),
        EnrolmentStatus.valueOf(row.getString("status")),
        row.getObject("entered_at", OffsetDateTime.class).toInstant(),
        exitedAt == null ? null : exitedAt.toInstant(),
        row.getString("goal"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
