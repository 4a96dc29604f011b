package io.itinera.benchmark;

import io.itinera.ItineraApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What the throughput benchmarks share: the packaged app started in-process, the bare engine, timed rounds. */
final class Benchmarks {

  static final String API_KEY = "benchmark-key";

  private Benchmarks() {
  }

  /** The packaged app on a random port, on the given database, with the benchmark's own settings last. */
  static ConfigurableApplicationContext startApp(String databaseUrl, String databaseUser, String... settings) {
    var common = Stream.of("--server.port=0", "--ITINERA_DB_URL=" + databaseUrl, "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark", "--ITINERA_API_KEYS=" + API_KEY,
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--logging.level.root=WARN");
    return new SpringApplicationBuilder(ItineraApplication.class)
        .run(Stream.concat(common, Stream.of(settings)).toArray(String[]::new));
  }

  /** What bench/run.sh passes to a JUnit benchmark: -Dbench.db-url, -Dbench.db-user, -Dbench.contacts. */
  record Settings(String databaseUrl, String databaseUser, int contacts) {

    static Settings fromSystemProperties(String h2Name, int contacts) {
      return new Settings(System.getProperty("bench.db-url", "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1"),
          System.getProperty("bench.db-user", "sa"),
          Integer.getInteger("bench.contacts", contacts));
    }
  }

  static int port(ConfigurableApplicationContext app) {
    return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  static String databaseName(String databaseUrl) {
    return databaseUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL";
  }

  /**
   * A plain Camunda engine on the app's database: no enrolments, no router, no expressions of ours,
   * as a second node would be. Its job executor is off unless the caller sets one up.
   */
  static StandaloneProcessEngineConfiguration bareEngine(String name, DataSource dataSource) {
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    return configuration;
  }

  /** Runs {@code count} operations over the pool's {@code threads} and returns operations per second. */
  static double measure(ExecutorService pool, int threads, int count, IntConsumer operation) throws Exception {
    var tasks = new ArrayList<Callable<Void>>();
    for (int thread = 0; thread < threads; thread++) {
      var first = thread;
      tasks.add(() -> {
        for (int index = first; index < count; index += threads) {
          operation.accept(index);
        }
        return null;
      });
    }
    return timed(pool, tasks, count);
  }

  /** Sends {@code count} signups in batches over the pool's {@code threads} and returns events per second. */
  static double measureBatches(ExecutorService pool, int threads, SignupBatches api, String prefix, int count)
      throws Exception {
    return measureBatches(pool, threads, List.of(api), prefix, count);
  }

  /** The same, with thread {@code t} sending to node {@code t % apis.size()}: the nodes share the work evenly. */
  static double measureBatches(ExecutorService pool, int threads, List<SignupBatches> apis, String prefix, int count)
      throws Exception {
    var tasks = new ArrayList<Callable<Void>>();
    for (int thread = 0; thread < threads; thread++) {
      var first = thread * SignupBatches.SIZE;
      var api = apis.get(thread % apis.size());
      tasks.add(() -> {
        for (int start = first; start < count; start += threads * SignupBatches.SIZE) {
          api.signups(prefix, start, Math.min(SignupBatches.SIZE, count - start));
        }
        return null;
      });
    }
    return timed(pool, tasks, count);
  }

  private static double timed(ExecutorService pool, List<Callable<Void>> tasks, int count) throws Exception {
    var started = System.nanoTime();
    for (Future<Void> result : pool.invokeAll(tasks)) {
      result.get();
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }
}
