package io.itinera.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes a node's connection pool from the threads that may each hold a connection at once, so that
 * three nodes and the operators' own sessions fit in a stock PostgreSQL (max_connections 100, 3 of
 * them for superusers). Unless {@code itinera.database.pool-size} ({@code ITINERA_DB_POOL_SIZE}) says otherwise,
 * the pool holds
 * <pre>job threads + 1 job acquisition + SMTP connections (the outbox dispatcher's senders, one of them on
 *     the scheduler thread) + push connections (on a thread of their own) + other scheduler threads
 *     + 1 engine housekeeping + web connections</pre>
 * History cleanup runs as jobs, inside the job threads. Web requests are given a bounded number of
 * connections ({@code itinera.database.web-connections}) instead of one per web thread, which few
 * requests use at once. The share is not fenced off: in a burst of more web calls, they and the job
 * threads wait their turn (Hikari hands freed connections to waiters in order), which slows jobs down
 * but does not fail them unless a wait outlasts the connection timeout; such a job is retried.
 */
@Component
class ConnectionBudget implements BeanPostProcessor {

  private final Environment environment;

  ConnectionBudget(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    // Hikari's own setting (any of Spring Boot's spellings) wins.
    if (bean instanceof HikariDataSource pool
        && !Binder.get(environment).bind("spring.datasource.hikari.maximum-pool-size", Integer.class).isBound()) {
      var explicit = environment.getProperty("itinera.database.pool-size", "");
      pool.setMaximumPoolSize(explicit.isBlank() ? poolSize() : Integer.parseInt(explicit.strip()));
    }
    return bean;
  }

  /** The pool the formula gives for this node's settings. */
  int poolSize() {
    var jobs = environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true)
        // Camunda's own default when the setting is absent; with the job executor off, no job thread and no acquisition.
        ? environment.getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 10) + 1
        : 0;
    var scheduler = environment.getProperty("spring.task.scheduling.pool.size", Integer.class, 1);
    // The dispatcher runs on a scheduler thread and sends over this many connections at once, each
    // committing per message.
    var senders = environment.getProperty("itinera.email.dispatch.connections", Integer.class, 1);
    // Push drains on a thread of its own (a slow push service must not hold up email), over its connections.
    var pushSenders = environment.getProperty("itinera.push.dispatch.connections", Integer.class, 1);
    var housekeeping = 1;
    var web = Math.min(environment.getProperty("itinera.database.web-connections", Integer.class, 10),
        environment.getProperty("server.tomcat.threads.max", Integer.class, 200));
    return jobs + senders + pushSenders + scheduler - 1 + housekeeping + web;
  }
}
