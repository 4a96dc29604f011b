package io.itinera.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * Runs our Flyway migrations once the engine has created or updated its schema, so that a migration
 * may also tune Camunda's tables (an index the job acquisition needs, say). Both happen before the
 * web server and the job executor start.
 */
@Component
class MigrationsAfterEngineSchema extends AbstractDependsOnBeanFactoryPostProcessor {

  MigrationsAfterEngineSchema() {
    super(FlywayMigrationInitializer.class, ProcessEngine.class);
  }
}
