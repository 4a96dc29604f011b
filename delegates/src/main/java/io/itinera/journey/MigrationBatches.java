package io.itinera.journey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which journey and versions each migration batch moves; written in the transaction that creates the batch. */
@Repository
public class MigrationBatches {

  private final JdbcClient jdbc;

  public MigrationBatches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(MigrationStarted started, Instant at) {
    jdbc.sql("""
            INSERT INTO journey_migration (batch_id, journey_key, source_version, target_version, runs, started_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(started.batchId(), started.journey(), started.sourceVersion(), started.targetVersion(), started.runs(),
            at.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The migration of this journey with this batch id; empty for another journey's batch. */
  public Optional<MigrationStarted> of(String journeyKey, String batchId) {
    return jdbc.sql("SELECT batch_id, journey_key, source_version, target_version, runs FROM journey_migration"
            + " WHERE batch_id = ? AND journey_key = ?")
        .params(batchId, journeyKey)
        .query((row, number) -> new MigrationStarted(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
            row.getLong(5)))
        .optional();
  }
}
