package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.itinera.ItineraAppTest;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A batch of inserts reaches PostgreSQL as one statement; other databases and an explicit setting are left alone. */
@ItineraAppTest
class BatchedInsertsOnPostgresTest {

  @Autowired
  DataSource dataSource;

  @Test
  void aBatchOfInsertsIsSentAsOneStatementOnPostgresql() throws SQLException {
    try (var connection = dataSource.getConnection()) {
      assumeTrue(connection.getMetaData().getURL().startsWith("jdbc:postgresql:"), "PostgreSQL only");
      try (var create = connection.createStatement()) {
        create.execute("CREATE TEMPORARY TABLE batched_insert_probe (id int)");
      }
      try (var insert = connection.prepareStatement("INSERT INTO batched_insert_probe (id) VALUES (?)")) {
        for (int id = 1; id <= 4; id++) {
          insert.setInt(1, id);
          insert.addBatch();
        }
        // A row count of 1 per insert when each is sent alone; "rows unknown" for those the driver merged.
        assertThat(insert.executeBatch()).contains(Statement.SUCCESS_NO_INFO);
      }
      try (var count = connection.createStatement();
           var rows = count.executeQuery("SELECT count(*) FROM batched_insert_probe")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(4);
      }
    }
  }

  @Test
  void onlyAPostgresqlPoolWithoutItsOwnSettingGetsIt() {
    assertThat(pool("jdbc:postgresql://127.0.0.1:5432/itinera").getDataSourceProperties())
        .containsEntry(BatchedInsertsOnPostgres.PROPERTY, "true");
    assertThat(pool("jdbc:h2:mem:itinera").getDataSourceProperties())
        .doesNotContainKey(BatchedInsertsOnPostgres.PROPERTY);
    var optedOut = new HikariDataSource();
    optedOut.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/itinera");
    optedOut.addDataSourceProperty(BatchedInsertsOnPostgres.PROPERTY, "false");
    assertThat(processed(optedOut).getDataSourceProperties())
        .containsEntry(BatchedInsertsOnPostgres.PROPERTY, "false");
  }

  private static HikariDataSource pool(String url) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return processed(pool);
  }

  private static HikariDataSource processed(HikariDataSource pool) {
    return (HikariDataSource) new BatchedInsertsOnPostgres().postProcessBeforeInitialization(pool, "dataSource");
  }
}
