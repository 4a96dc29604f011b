package io.itinera.preference;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code topic}: the topics defined through the API. */
@Repository
class TopicDefinitions {

  private static final RowMapper<Topic> ROWS = (row, number) -> new Topic(row.getString("name"),
      row.getBoolean("opt_in"), row.getString("label"), row.getString("description"), false);

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;

  TopicDefinitions(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
  }

  Optional<Topic> find(String name) {
    return jdbc.sql("SELECT name, opt_in, label, description FROM topic WHERE name = ?").param(name).query(ROWS)
        .optional();
  }

  List<Topic> all() {
    return jdbc.sql("SELECT name, opt_in, label, description FROM topic ORDER BY name").query(ROWS).list();
  }

  /** Creates or replaces the topic; true if it was new. */
  boolean save(Topic topic, Instant at) {
    var row = new LinkedHashMap<String, Object>();
    row.put("name", topic.name());
    row.put("opt_in", topic.optIn());
    row.put("label", topic.label());
    if (topic.description() != null) {
      // Left out rather than null: the insert helper takes no nulls, and the column defaults to null.
      row.put("description", topic.description());
    }
    row.put("changed_at", at.atOffset(ZoneOffset.UTC));
    if (insertIfAbsent.insert("topic", List.of("name"), row)) {
      return true;
    }
    jdbc.sql("UPDATE topic SET opt_in = ?, label = ?, description = ?, changed_at = ? WHERE name = ?")
        .params(topic.optIn(), topic.label(), topic.description(), at.atOffset(ZoneOffset.UTC), topic.name())
        .update();
    return false;
  }
}
