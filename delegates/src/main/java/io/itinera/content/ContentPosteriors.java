package io.itinera.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.database.InsertIfAbsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The policy's posteriors, one row per template, slot and variant (table {@code content_posterior}). An
 * update reads its row with {@code FOR UPDATE} in the caller's transaction, so nodes that learn at once
 * apply their updates one after the other instead of one overwriting the other. A row whose mean has another
 * length than today's features (they changed) reads as the prior.
 */
@Repository
class ContentPosteriors {

  private static final String COLUMNS = "template, slot, variant, mean, precision_matrix, observations, rewards, excluded";

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;
  private final ObjectMapper json;

  ContentPosteriors(JdbcClient jdbc, InsertIfAbsent inserts, ObjectMapper json) {
    this.jdbc = jdbc;
    this.inserts = inserts;
    this.json = json;
  }

  /** The slot's variants in the order given, each with a prior row made if it had none. */
  List<PosteriorRow> of(String template, String slot, List<String> variants, Instant now) {
    var stored = new LinkedHashMap<String, PosteriorRow>();
    jdbc.sql("SELECT " + COLUMNS + " FROM content_posterior WHERE template = ? AND slot = ?")
        .params(template, slot).query(this::row).list().forEach(row -> stored.put(row.variant(), row));
    return variants.stream().map(variant -> {
      var row = stored.get(variant);
      if (row == null) {
        var prior = new PosteriorRow(template, slot, variant, Posterior.standardPrior(), 0, 0, false);
        insert(prior, now);
        return prior;
      }
      return row;
    }).toList();
  }

  /** Every posterior of the template, by slot and variant. */
  List<PosteriorRow> ofTemplate(String template) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_posterior WHERE template = ? ORDER BY slot, variant")
        .param(template).query(this::row).list();
  }

  /** The template and slot of every stored posterior. */
  List<Map.Entry<String, String>> slots() {
    return jdbc.sql("SELECT DISTINCT template, slot FROM content_posterior ORDER BY template, slot")
        .query((row, number) -> Map.entry(row.getString("template"), row.getString("slot"))).list();
  }

  /** The row, locked until the caller's transaction ends; a prior row is made first if there is none. */
  PosteriorRow lock(String template, String slot, String variant, Instant now) {
    return locked(template, slot, variant).orElseGet(() -> {
      insert(new PosteriorRow(template, slot, variant, Posterior.standardPrior(), 0, 0, false), now);
      return locked(template, slot, variant).orElseThrow();
    });
  }

  /** Stores a locked row's new posterior and counts. */
  void save(PosteriorRow row, Instant now) {
    jdbc.sql("""
            UPDATE content_posterior SET mean = ?, precision_matrix = ?, observations = ?, rewards = ?,
                   version = version + 1, updated_at = ?
             WHERE template = ? AND slot = ? AND variant = ?""")
        .params(write(row.posterior().mean()), write(row.posterior().precision()), row.observations(), row.rewards(),
            utc(now), row.template(), row.slot(), row.variant())
        .update();
  }

  void exclude(String template, String slot, String variant, boolean excluded) {
    jdbc.sql("UPDATE content_posterior SET excluded = ? WHERE template = ? AND slot = ? AND variant = ?")
        .params(excluded, template, slot, variant).update();
  }

  private Optional<PosteriorRow> locked(String template, String slot, String variant) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_posterior WHERE template = ? AND slot = ? AND variant = ?"
            + " FOR UPDATE")
        .params(template, slot, variant).query(this::row).optional();
  }

  private void insert(PosteriorRow row, Instant now) {
    var values = new LinkedHashMap<String, Object>();
    values.put("template", row.template());
    values.put("slot", row.slot());
    values.put("variant", row.variant());
    values.put("mean", write(row.posterior().mean()));
    values.put("precision_matrix", write(row.posterior().precision()));
    values.put("observations", 0);
    values.put("rewards", 0);
    values.put("excluded", false);
    values.put("version", 0);
    values.put("updated_at", utc(now));
    inserts.insert("content_posterior", List.of("template", "slot", "variant"), values);
  }

  private PosteriorRow row(ResultSet row, int number) throws SQLException {
    try {
      var mean = json.readValue(row.getString("mean"), double[].class);
      var precision = json.readValue(row.getString("precision_matrix"), double[][].class);
      var posterior = mean.length == ContentFeatures.SIZE ? new Posterior(mean, precision) : Posterior.standardPrior();
      return new PosteriorRow(row.getString("template"), row.getString("slot"), row.getString("variant"), posterior,
          row.getLong("observations"), row.getLong("rewards"), row.getBoolean("excluded"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored posterior of " + row.getString("template") + "/"
          + row.getString("slot") + "/" + row.getString("variant") + " is not readable", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A posterior cannot be written as JSON", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
