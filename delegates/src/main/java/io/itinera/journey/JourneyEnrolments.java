package io.itinera.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which contact is in which journey. Writes join the caller's transaction, so an enrolment is
 * committed or rolled back together with the engine's start or end of the run.
 */
@Repository
public class JourneyEnrolments {

  private final JdbcClient jdbc;

  public JourneyEnrolments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new active run; a second active run of the same journey for the contact is refused. */
  public void enter(String journeyKey, String contactId, String processInstanceId, Instant enteredAt) {
    try {
      jdbc.sql("""
              INSERT INTO journey_enrolment
                (process_instance_id, journey_key, contact_id, status, active_contact_id, entered_at)
              VALUES (?, ?, ?, 'ACTIVE', ?, ?)""")
          .params(processInstanceId, journeyKey, contactId, contactId, utc(enteredAt))
          .update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyEnrolledException(journeyKey, contactId);
    }
  }

  /** Marks an active run as exited; a run that already exited keeps its first exit. */
  public void exit(String processInstanceId, EnrolmentStatus status, Instant exitedAt) {
    if (status == EnrolmentStatus.ACTIVE) {
      throw new IllegalArgumentException("An exit needs a final status, not " + status);
    }
    jdbc.sql("""
            UPDATE journey_enrolment
               SET status = ?, active_contact_id = NULL, exited_at = ?
             WHERE process_instance_id = ? AND status = 'ACTIVE'""")
        .params(status.name(), utc(exitedAt), processInstanceId)
        .update();
  }

  /** Every run of every journey the contact has been in, newest first. */
  public List<Enrolment> ofContact(String contactId) {
    return jdbc.sql("""
            SELECT journey_key, contact_id, process_instance_id, status, entered_at, exited_at
              FROM journey_enrolment
             WHERE contact_id = ?
             ORDER BY entered_at DESC, process_instance_id""")
        .param(contactId)
        .query(JourneyEnrolments::enrolment)
        .list();
  }

  private static Enrolment enrolment(ResultSet row, int rowNumber) throws SQLException {
    var exitedAt = row.getObject("exited_at", OffsetDateTime.class);
    return new Enrolment(
        row.getString("journey_key"),
        row.getString("contact_id"),
        row.getString("process_instance_id"),
        EnrolmentStatus.valueOf(row.getString("status")),
        row.getObject("entered_at", OffsetDateTime.class).toInstant(),
        exitedAt == null ? null : exitedAt.toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
