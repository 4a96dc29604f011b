package io.itinera.benchmark;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, what a benchmark's phase did to the database, per run: commits, and for each table the rows
 * inserted, updated and deleted and the index and sequential scans (a scan is about one statement reading the
 * table), from {@code pg_stat_user_tables}. Unlike a rate, these counts do not depend on how busy the machine is.
 */
final class TableActivity {

  private static final int COUNTED = 5;

  private final long commits;
  private final Map<String, long[]> tables;

  private TableActivity(long commits, Map<String, long[]> tables) {
    this.commits = commits;
    this.tables = tables;
  }

  static TableActivity now(JdbcTemplate jdbc) {
    jdbc.execute("select pg_stat_clear_snapshot()");
    var tables = new HashMap<String, long[]>();
    jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), coalesce(seq_scan, 0)"
        + " from pg_stat_user_tables", row -> {
          tables.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
              row.getLong(6)});
        });
    return new TableActivity(jdbc.queryForObject(
        "select xact_commit from pg_stat_database where datname = current_database()", Long.class), tables);
  }

  /** Counts as they are once PostgreSQL has published them: a busy backend does so at most once a second. */
  static TableActivity settled(JdbcTemplate jdbc) throws InterruptedException {
    Thread.sleep(1500);
    return now(jdbc);
  }

  /** What happened from {@code before} to these counts, per run, busiest tables first. */
  String since(TableActivity before, int runs) {
    var text = new StringBuilder(String.format(Locale.ROOT,
        "per run: commits %.1f; table (inserts/updates/deletes/index scans/seq scans):",
        (commits - before.commits) / (double) runs));
    tables.entrySet().stream()
        .map(table -> {
          var earlier = before.tables.getOrDefault(table.getKey(), new long[COUNTED]);
          var perRun = new double[COUNTED];
          for (int i = 0; i < COUNTED; i++) {
            perRun[i] = (table.getValue()[i] - earlier[i]) / (double) runs;
          }
          return Map.entry(table.getKey(), perRun);
        })
        .filter(table -> Arrays.stream(table.getValue()).sum() >= 0.05)
        .sorted(Comparator.comparingDouble(table -> -Arrays.stream(table.getValue()).sum()))
        .forEach(table -> text.append(String.format(Locale.ROOT, "%n      %-28s %5.2f %5.2f %5.2f %5.2f %5.2f",
            table.getKey(), table.getValue()[0], table.getValue()[1], table.getValue()[2], table.getValue()[3],
            table.getValue()[4])));
    return text.toString();
  }
}
