package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The pool size each node takes, from the real application.yaml bound as Spring Boot binds Hikari, with
 * settings given as environment variables.
 */
class ConnectionBudgetTest {

  @Test
  void defaultPoolCoversJobThreadsBackgroundThreadsAndTheWebShare() throws Exception {
    // 6 job threads + 1 acquisition + 4 SMTP connections (one on the scheduler thread) + 1 push connection
    // + 1 housekeeping + 10 web connections
    assertThat(pool(Map.of()).getMaximumPoolSize()).isEqualTo(23);
  }

  @Test
  void threeNodesLeaveRoomInAStockPostgresql() throws Exception {
    var stockForOrdinaryUsers = 100 - 3;
    assertThat(3 * pool(Map.of()).getMaximumPoolSize()).isLessThanOrEqualTo(stockForOrdinaryUsers - 25);
  }

  @Test
  void followsTheJobThreadsTheSmtpConnectionsAndTheWebShare() throws Exception {
    assertThat(pool(Map.of("ITINERA_JOB_THREADS", "12")).getMaximumPoolSize()).isEqualTo(29);
    assertThat(pool(Map.of("ITINERA_DB_WEB_CONNECTIONS", "4")).getMaximumPoolSize()).isEqualTo(17);
    assertThat(pool(Map.of("spring.task.scheduling.pool.size", "3")).getMaximumPoolSize()).isEqualTo(25);
    assertThat(pool(Map.of("ITINERA_SMTP_CONNECTIONS", "8")).getMaximumPoolSize()).isEqualTo(27);
    assertThat(pool(Map.of("itinera.push.dispatch.connections", "3")).getMaximumPoolSize()).isEqualTo(25);
  }

  @Test
  void nodeWithoutJobExecutorReservesNoJobConnections() throws Exception {
    assertThat(pool(Map.of("camunda.bpm.job-execution.enabled", "false")).getMaximumPoolSize()).isEqualTo(16);
  }

  @Test
  void webShareNeverExceedsTheWebThreads() throws Exception {
    assertThat(pool(Map.of("server.tomcat.threads.max", "4")).getMaximumPoolSize()).isEqualTo(17);
  }

  @Test
  void explicitPoolSizeWins() throws Exception {
    assertThat(pool(Map.of("ITINERA_DB_POOL_SIZE", "7")).getMaximumPoolSize()).isEqualTo(7);
    assertThat(pool(Map.of("ITINERA_DB_POOL_SIZE", "40", "ITINERA_JOB_THREADS", "12")).getMaximumPoolSize())
        .isEqualTo(40);
    assertThat(pool(Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5", "ITINERA_DB_POOL_SIZE", "7"))
        .getMaximumPoolSize()).isEqualTo(5);
  }

  @Test
  void webCallsWaitForAConnectionLongerThanANormalCall() throws Exception {
    assertThat(pool(Map.of()).getConnectionTimeout()).isEqualTo(20_000);
  }

  private static HikariDataSource pool(Map<String, Object> settings) throws Exception {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", new HashMap<>(settings)));
    for (var yaml : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
      environment.getPropertySources().addLast(yaml);
    }
    var pool = new HikariDataSource();
    Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
    return (HikariDataSource) new ConnectionBudget(environment).postProcessAfterInitialization(pool, "dataSource");
  }
}
