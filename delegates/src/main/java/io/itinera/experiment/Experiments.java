package io.itinera.experiment;

import io.itinera.database.InsertIfAbsent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Experiments and the variant each contact got: owner of {@code experiment} and {@code experiment_assignment}.
 * Its {@link #tally} also reads {@code journey_enrolment} (owned by JourneyEnrolments), only to read.
 */
@Repository
public class Experiments {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;
  private volatile boolean tableExists;

  public Experiments(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
  }

  /**
   * Records what the split step says now (its first variant is the control of the results). Only a
   * change is written: every run passes here, and a write would make them queue on this one row.
   */
  void describe(String experiment, String journeyKey, String variants, int holdout, Instant at) {
    var stored = jdbc.sql("SELECT journey_key, variants, holdout FROM experiment WHERE name = ?").param(experiment)
        .query((row, number) -> List.of(row.getString(1), row.getString(2), row.getInt(3))).optional();
    if (stored.isPresent() && stored.get().equals(List.of(journeyKey, variants, holdout))) {
      return;
    }
    var row = new LinkedHashMap<String, Object>();
    row.put("name", experiment);
    row.put("journey_key", journeyKey);
    row.put("variants", variants);
    row.put("holdout", holdout);
    row.put("updated_at", utc(at));
    // Runs reaching a new experiment at once all get here: one inserts, the others find its row.
    if (stored.isEmpty() && insertIfAbsent.insert("experiment", List.of("name"), row)) {
      return;
    }
    jdbc.sql("UPDATE experiment SET journey_key = ?, variants = ?, holdout = ?, updated_at = ? WHERE name = ?")
        .params(journeyKey, variants, holdout, utc(at), experiment).update();
  }

  /**
   * The journey whose split stored this experiment. Empty as well before our tables exist: the engine
   * deploys the classpath journeys before the migrations run, and a failed query would end its transaction.
   */
  public Optional<String> journeyOf(String experiment) {
    if (!tableExists) {
      tableExists = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'experiment'")
          .query(Long.class).single() > 0;
    }
    if (!tableExists) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT journey_key FROM experiment WHERE name = ?").param(experiment).query(String.class)
        .optional();
  }

  Optional<Definition> definition(String experiment) {
    return jdbc.sql("SELECT journey_key, variants, holdout FROM experiment WHERE name = ?").param(experiment)
        .query((row, number) -> new Definition(row.getString(1), Variants.parse(row.getString(2)), row.getInt(3)))
        .optional();
  }

  Optional<String> variantOf(String experiment, String contactId) {
    return jdbc.sql("SELECT variant FROM experiment_assignment WHERE experiment = ? AND contact_id = ?")
        .params(experiment, contactId).query(String.class).optional();
  }

  /**
   * Records the contact's variant unless a concurrent run of the same contact already did; the
   * variant is a function of experiment and contact, so both runs chose the same.
   */
  void assign(String experiment, String contactId, String variant, String journeyKey, String processInstanceId,
      Instant at) {
    var row = new LinkedHashMap<String, Object>();
    row.put("experiment", experiment);
    row.put("contact_id", contactId);
    row.put("variant", variant);
    row.put("journey_key", journeyKey);
    row.put("process_instance_id", processInstanceId);
    row.put("assigned_at", utc(at));
    insertIfAbsent.insert("experiment_assignment", List.of("experiment", "contact_id"), row);
  }

  /**
   * Per variant: contacts assigned, those of them with a run of the journey that reached its goal,
   * and the revenue their goal events carried.
   */
  List<Tally> tally(String experiment) {
    return jdbc.sql("""
            SELECT a.variant,
                   COUNT(*) AS participants,
                   SUM(CASE WHEN c.contact_id IS NULL THEN 0 ELSE 1 END) AS conversions,
                   COALESCE(SUM(c.revenue), 0) AS revenue
              FROM experiment_assignment a
              LEFT JOIN (SELECT e.contact_id, e.journey_key, SUM(COALESCE(e.revenue, 0)) AS revenue
                           FROM journey_enrolment e
                          WHERE e.status = 'CONVERTED'
                          GROUP BY e.contact_id, e.journey_key) c
                ON c.contact_id = a.contact_id AND c.journey_key = a.journey_key
             WHERE a.experiment = ?
             GROUP BY a.variant""")
        .param(experiment)
        .query((row, number) -> new Tally(row.getString(1), row.getLong(2), row.getLong(3), row.getBigDecimal(4)))
        .list();
  }

  record Definition(String journeyKey, Variants variants, int holdout) {
  }

  record Tally(String variant, long participants, long conversions, BigDecimal revenue) {
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
