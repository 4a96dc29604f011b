package io.itinera.simulation;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables of a simulation world's own in-memory database, emptied after each simulation; the
 * engine's tables are left to the engine, which deletes the simulated runs itself. Not a Spring
 * stereotype: the app's component scan must never create it on the real database.
 */
final class SimulationTables {

  private final JdbcClient jdbc;

  SimulationTables(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void empty() {
    var tables = jdbc.sql("""
            SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
            WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'
              AND TABLE_NAME NOT LIKE 'ACT\\_%' ESCAPE '\\' AND TABLE_NAME <> 'flyway_schema_history'""")
        .query(String.class).list();
    jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
    try {
      tables.forEach(table -> jdbc.sql("TRUNCATE TABLE \"" + table + "\"").update());
    } finally {
      jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
    }
  }
}
