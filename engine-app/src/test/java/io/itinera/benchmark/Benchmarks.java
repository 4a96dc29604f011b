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
import org.apache.commons.math3.stat.StatUtils;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the throughput benchmarks share: the packaged app started in-process, the bare engine, timed rounds. */
final class Benchmarks {

  static final String API_KEY = "benchmark-key";

  private Benchmarks() {
  }

  /** The packaged app on a random port, on the given database, with the benchmark's own settings last. */
  static ConfigurableApplicationContext startApp(String databaseUrl, String databaseUser, String... settings) {
    var common = Stream.of("--server.port=0", "--ITINERA_DB_URL=" + databaseUrl, "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark", "--ITINERA_API_KEYS=" + API_KEY,
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--itinera.push.vapid.generate=true",
        "--logging.level.root=WARN",
        // Benchmarks run at any hour: quiet hours (21:00-08:00 in the contact's zone) would hold every marketing email.
        "--itinera.send-window.quiet-hours-start=00:00", "--itinera.send-window.quiet-hours-end=00:00");
    return new SpringApplicationBuilder(ItineraApplication.class)
        .run(Stream.concat(common, Stream.of(settings)).toArray(String[]::new));
  }

  /** The database bench/run.sh names ({@code -Dbench.db-url}), or an in-memory H2 database of that name. */
  static String databaseUrl(String h2Name) {
    return System.getProperty("bench.db-url", "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1");
  }

  static String databaseUser() {
    return System.getProperty("bench.db-user", "sa");
  }

  /** The size bench/run.sh asks for ({@code -Dbench.contacts}). */
  static int count(int fallback) {
    return Integer.getInteger("bench.contacts", fallback);
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

  /**
   * A bare engine with the job executor the app's configuration describes (threads, queue, acquisition
   * size, waits, lock time, backoff, acquire by due date, prefer timers, due dates on every job),
   * deployment-aware so that it runs only its own processes' jobs. Its job executor is started by the caller.
   */
  static StandaloneProcessEngineConfiguration bareEngineLikeApp(String name, ConfigurableApplicationContext app,
      DataSource dataSource) {
    var environment = app.getEnvironment();
    var appConfiguration = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    var appJobs = appConfiguration.getJobExecutor();
    var jobs = new DefaultJobExecutor();
    jobs.setCorePoolSize(environment.getRequiredProperty("camunda.bpm.job-execution.core-pool-size", Integer.class));
    jobs.setMaxPoolSize(environment.getRequiredProperty("camunda.bpm.job-execution.max-pool-size", Integer.class));
    jobs.setQueueSize(environment.getRequiredProperty("camunda.bpm.job-execution.queue-capacity", Integer.class));
    jobs.setMaxJobsPerAcquisition(appJobs.getMaxJobsPerAcquisition());
    jobs.setWaitTimeInMillis(appJobs.getWaitTimeInMillis());
    jobs.setMaxWait(appJobs.getMaxWait());
    jobs.setLockTimeInMillis(appJobs.getLockTimeInMillis());
    jobs.setBackoffTimeInMillis(appJobs.getBackoffTimeInMillis());
    jobs.setMaxBackoff(appJobs.getMaxBackoff());
    jobs.setWaitIncreaseFactor(appJobs.getWaitIncreaseFactor());
    jobs.setBackoffDecreaseThreshold(appJobs.getBackoffDecreaseThreshold());

    var configuration = bareEngine(name, dataSource);
    configuration.setJobExecutor(jobs);
    configuration.setJobExecutorAcquireByDueDate(appConfiguration.isJobExecutorAcquireByDueDate());
    configuration.setJobExecutorPreferTimerJobs(appConfiguration.isJobExecutorPreferTimerJobs());
    configuration.setEnsureJobDueDateNotNull(appConfiguration.isEnsureJobDueDateNotNull());
    configuration.setJobExecutorDeploymentAware(true);
    return configuration;
  }

  /** The median of a few rounds' rates: one round on this shared two-core machine swings by a third. */
  static double median(double... rates) {
    return StatUtils.percentile(rates, 50);
  }

  /**
   * On PostgreSQL, gives every table statistics before a side is measured, as a production database's tables
   * have. Left to autovacuum, the side measured first meets tables last analyzed (nearly) empty, and the engine's
   * job acquisition, for one, is then planned as a sort of every due job, each checked for a locked sibling,
   * instead of a read of the due-date index up to the jobs it takes; the sides after it would not.
   */
  static void analyzed(JdbcTemplate postgres) {
    postgres.execute("ANALYZE");
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
