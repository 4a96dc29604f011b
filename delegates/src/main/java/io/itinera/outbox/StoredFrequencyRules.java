package io.itinera.outbox;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code frequency_rule_list} and {@code frequency_rule}: the frequency rules set through the API. */
@Repository
class StoredFrequencyRules {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;

  StoredFrequencyRules(JdbcClient jdbc, InsertIfAbsent insertIfAbsent) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
  }

  /** The stored rules in their order (possibly none); empty when no list is stored. One query, every call. */
  Optional<List<FrequencyRule>> find() {
    var rows = jdbc.sql("""
            SELECT r.name, r.max_messages, r.window_days, r.channel, r.topic
            FROM frequency_rule_list l LEFT JOIN frequency_rule r ON r.list_id = l.id
            ORDER BY r.rule_order""")
        .query((row, number) -> row.getString("name") == null ? null : new FrequencyRule(row.getString("name"),
            row.getInt("max_messages"), row.getInt("window_days"), row.getString("channel"), row.getString("topic")))
        .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    // A stored list without rules comes back as one row of nulls from the outer join.
    var rules = new ArrayList<FrequencyRule>(rows);
    rules.removeIf(rule -> rule == null);
    return Optional.of(List.copyOf(rules));
  }

  /** Replaces the stored list with {@code rules}; the caller's transaction makes it all or nothing. */
  void replace(List<FrequencyRule> rules, Instant at) {
    var changedAt = at.atOffset(ZoneOffset.UTC);
    var list = new LinkedHashMap<String, Object>();
    list.put("id", 1);
    list.put("changed_at", changedAt);
    insertIfAbsent.insert("frequency_rule_list", List.of("id"), list);
    // Locks the list's row, so a second replacement at the same moment waits for this one to commit.
    jdbc.sql("UPDATE frequency_rule_list SET changed_at = ? WHERE id = 1").param(changedAt).update();
    jdbc.sql("DELETE FROM frequency_rule WHERE list_id = 1").update();
    for (int i = 0; i < rules.size(); i++) {
      var rule = rules.get(i);
      jdbc.sql("""
              INSERT INTO frequency_rule (list_id, rule_order, name, max_messages, window_days, channel, topic)
              VALUES (1, ?, ?, ?, ?, ?, ?)""")
          .params(i, rule.name(), rule.max(), rule.days(), rule.channel(), rule.topic()).update();
    }
  }

  /** Drops the stored list (its rules go with it); true if there was one. */
  boolean clear() {
    return jdbc.sql("DELETE FROM frequency_rule_list").update() > 0;
  }
}
