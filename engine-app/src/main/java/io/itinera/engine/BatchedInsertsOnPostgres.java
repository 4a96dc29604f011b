package io.itinera.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a batch of inserts into one table as one multi-row insert
 * ({@code reWriteBatchedInserts}). The engine flushes each transaction's inserts grouped by table, and a
 * signup's run writes its variables into three tables (runtime, history, history detail), seven rows in
 * each: one statement per table instead of one per row. The driver then reports "succeeded, rows unknown" for each insert, which
 * Camunda accepts for inserts; updates and deletes, whose counts guard against concurrent changes, are
 * never rewritten. A {@code reWriteBatchedInserts} in {@code ITINERA_DB_URL} wins over this default.
 */
@Component
class BatchedInsertsOnPostgres implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
      pool.addDataSourceProperty(PROPERTY, "true");
    }
    return bean;
  }
}
