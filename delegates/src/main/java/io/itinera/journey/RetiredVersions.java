package io.itinera.journey;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journey versions that take no new entries, while the runs on them finish. */
@Repository
public class RetiredVersions {

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;

  public RetiredVersions(JdbcClient jdbc, InsertIfAbsent inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  /** Retires the version; retiring it again keeps the first time. */
  public void retire(String journeyKey, int version, Instant at) {
    var row = new LinkedHashMap<String, Object>();
    row.put("journey_key", journeyKey);
    row.put("journey_version", version);
    row.put("retired_at", at.atOffset(ZoneOffset.UTC));
    inserts.insert("journey_retired_version", List.of("journey_key", "journey_version"), row);
  }

  public Set<Integer> of(String journeyKey) {
    return new HashSet<>(jdbc.sql("SELECT journey_version FROM journey_retired_version WHERE journey_key = ?")
        .param(journeyKey).query(Integer.class).list());
  }

  /** Every journey's retired versions, by journey key: one query for the router's whole catalogue. */
  public Map<String, Set<Integer>> all() {
    var retired = new HashMap<String, Set<Integer>>();
    jdbc.sql("SELECT journey_key, journey_version FROM journey_retired_version")
        .query((row, number) -> retired.computeIfAbsent(row.getString(1), key -> new HashSet<>()).add(row.getInt(2)))
        .list();
    return retired;
  }
}
