package io.itinera.engine;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at once on an empty PostgreSQL database would all create Camunda's tables, its
 * administrator and filters, and one would crash on a duplicate type or key. Each node holds a
 * PostgreSQL advisory lock from before the engine touches the schema until its context is up
 * (engine, administrator, our migrations, journey deployment), so nodes do this one after another
 * and the later ones find everything in place. H2 is single-node and needs no lock.
 */
@Component
class OneNodeCreatesTheSchema extends AbstractProcessEnginePlugin implements ApplicationListener<ContextRefreshedEvent> {

  private static final Logger log = LoggerFactory.getLogger(OneNodeCreatesTheSchema.class);
  /** Any fixed number; it names the lock for every node of one database. */
  private static final long LOCK = 0x1718_e7a0_5c4e_3a01L;

  private Connection holder;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      var connection = configuration.getDataSource().getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      log.info("Waiting for other nodes to finish creating or updating the schema");
      try (var statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        statement.setLong(1, LOCK);
        statement.execute();
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the schema lock: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void onApplicationEvent(ContextRefreshedEvent event) {
    if (holder == null) {
      return;
    }
    // The connection goes back to the pool unlocked; if unlocking fails, the lock ends with the node.
    try (var connection = holder) {
      try (var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        statement.setLong(1, LOCK);
        statement.execute();
      }
    } catch (SQLException e) {
      log.warn("Releasing the schema lock failed; it ends with the connection: {}", e.getMessage());
    } finally {
      holder = null;
    }
  }
}
