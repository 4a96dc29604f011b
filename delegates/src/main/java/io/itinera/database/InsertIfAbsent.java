package io.itinera.database;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Inserts a row unless one with the same key exists, safe when several transactions try at once:
 * the one place where our SQL depends on the database. A check-then-insert lets two callers both
 * find nothing and one of them fail on the key.
 */
@Component
public class InsertIfAbsent {

  private final JdbcClient jdbc;
  private final boolean postgres;

  public InsertIfAbsent(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = "PostgreSQL".equals(productName(dataSource));
  }

  /**
   * Inserts {@code row} (column to value, in a stable order) into {@code table} unless a row with
   * the same {@code key} columns exists; returns whether this call inserted it.
   */
  public boolean insert(String table, List<String> key, Map<String, ?> row) {
    var columns = String.join(", ", row.keySet());
    var values = row.keySet().stream().map(column -> "?").collect(Collectors.joining(", "));
    var params = List.copyOf(row.values());
    if (postgres) {
      // Under READ COMMITTED, PostgreSQL's MERGE can still fail on the key when two transactions insert
      // at once, and a failed statement aborts the caller's (the engine's) transaction: only ON
      // CONFLICT DO NOTHING is race-free there.
      return jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
          + String.join(", ", key) + ") DO NOTHING").params(params).update() == 1;
    }
    // H2 (the embedded database) has no ON CONFLICT outside its PostgreSQL mode. Its MERGE spares
    // the common case an exception; a concurrent insert of the same key may still fail it, which H2,
    // unlike PostgreSQL, reports without spoiling the transaction, so it can be taken as "exists".
    var matches = key.stream().map(column -> "existing." + column + " = candidate." + column)
        .collect(Collectors.joining(" AND "));
    var candidate = row.keySet().stream().map(column -> "candidate." + column).collect(Collectors.joining(", "));
    try {
      return jdbc.sql("MERGE INTO " + table + " existing USING (VALUES (" + values + ")) candidate (" + columns
          + ") ON " + matches + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + candidate + ")")
          .params(params).update() == 1;
    } catch (DuplicateKeyException concurrent) {
      return false;
    }
  }

  private static String productName(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
