package io.itinera.benchmark;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything at once, as in production: N existing contacts send their website signups through
 * {@code POST /api/events/batch} (2 client threads, batches of 250) while the job executor runs the
 * welcome series' first step and the outbox dispatcher sends the welcome emails to a local SMTP
 * server (GreenMail on 127.0.0.1, which counts each delivery as it happens). The baseline, in the
 * same run on the same database: a bare Camunda engine with the app's job-executor settings, 2
 * threads starting N runs of "start, asynchronous service task that inserts one row, end" while its
 * job executor works them off. The two sides take turns (the other side's job executor is stopped
 * meanwhile, as neither is deployment-aware of the other's processes), each after a warm-up round.
 *
 * <p>Contention is read cheaply: optimistic-locking failures the job executors log (a log
 * appender), the engines' failed job acquisitions (Camunda's in-memory meter), and on PostgreSQL
 * the lock waits seen by sampling {@code pg_locks} every 100 ms and the deadlocks in
 * {@code pg_stat_database}.
 *
 * <p>Run with {@code bench/end-to-end.sh [h2|postgres] [count]}: a JUnit run of this tagged test, which the
 * normal build leaves out.
 */
@Tag("benchmark")
class EndToEndBenchmark {

  private static final int THREADS = 2;
  private static final String BARE_PROCESS = "bench-e2e-one-step";
  /** The welcome series' engine work without Itinera: its variables, time limit, step inputs and next timer. */
  private static final String SHAPED_PROCESS = "bench-e2e-welcome-shaped";

  @Test
  void measuresEverythingAtOnceAgainstTheBareEngine() throws Exception {
    run(System.getProperty("bench.db-url", "jdbc:h2:mem:itinera-e2e-bench;DB_CLOSE_DELAY=-1"),
        System.getProperty("bench.db-user", "sa"),
        Integer.parseInt(System.getProperty("bench.contacts", "3000")));
  }

  private static void run(String databaseUrl, String databaseUser, int count) throws Exception {
    var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    var emails = new Arrivals();
    var users = smtp.getUserManager();
    var delivery = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler((message, recipient) -> {
      var user = delivery.handle(message, recipient);
      emails.arrived();
      return user;
    });
    var dataDirectory = Files.createTempDirectory("itinera-e2e-bench");
    var app = Benchmarks.startApp(databaseUrl, databaseUser, "--ITINERA_DATA_DIR=" + dataDirectory,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort());
    var pool = Executors.newFixedThreadPool(THREADS);
    try (app) {
      var dataSource = app.getBean(DataSource.class);
      var appEngine = app.getBean(ProcessEngine.class);
      var appJobs = ((ProcessEngineConfigurationImpl) appEngine.getProcessEngineConfiguration()).getJobExecutor();
      var rows = new Arrivals();
      var bare = bareEngine(app, dataSource, rows);
      var bareJobs = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration()).getJobExecutor();
      var optimisticLocking = OptimisticLockingLog.attach();
      var locks = new LockSampler(dataSource, !databaseUrl.startsWith("jdbc:h2"));
      try {
        new JdbcTemplate(dataSource).execute(
            "create table if not exists bench_e2e_row (run_id varchar(64) primary key, written_at timestamp not null)");
        bare.getRepositoryService().createDeployment().name("end-to-end benchmark")
            .addModelInstance(BARE_PROCESS + ".bpmn", Bpmn.createExecutableProcess(BARE_PROCESS)
                .name("Benchmark: one asynchronous step").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Go")
                .serviceTask("Task_WriteRow").camundaAsyncBefore().camundaDelegateExpression("${writeRow}")
                .endEvent("EndEvent_Done")
                .done())
            .addModelInstance(SHAPED_PROCESS + ".bpmn", welcomeShaped())
            .deploy();
        var api = new SignupBatches(Benchmarks.port(app));
        var warmUp = Math.max(50, count / 10);
        itinera(app, api, pool, emails, "warm", warmUp);
        bareSide(bare, BARE_PROCESS, pool, rows, appJobs, bareJobs, "warm", warmUp);
        bareSide(bare, SHAPED_PROCESS, pool, rows, appJobs, bareJobs, "warm-shaped", warmUp);

        var itinera = measured(optimisticLocking, locks, bare, appEngine,
            () -> itinera(app, api, pool, emails, "e2e", count));
        var baseline = measured(optimisticLocking, locks, bare, appEngine,
            () -> bareSide(bare, BARE_PROCESS, pool, rows, appJobs, bareJobs, "e2e", count));
        var shaped = measured(optimisticLocking, locks, bare, appEngine,
            () -> bareSide(bare, SHAPED_PROCESS, pool, rows, appJobs, bareJobs, "e2e-shaped", count));

        var expectedEmails = warmUp + count;
        System.out.printf(Locale.ROOT, "%n%s, %d contacts, %d client threads, batches of %d, job executor %s threads,"
                + " %d jobs per acquisition (after a warm-up of %d on each side)%n", Benchmarks.databaseName(databaseUrl),
            count, THREADS, SignupBatches.SIZE, app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size"),
            appJobs.getMaxJobsPerAcquisition(), warmUp);
        System.out.printf(Locale.ROOT, "Itinera: intake %.0f events/s while the job executor and dispatcher run;"
                + " emails %.0f/s (first to last delivered); end to end %.1f s = %.0f signups/s%n",
            itinera.startRate(), itinera.finishRate(), itinera.endToEndSeconds(), itinera.endToEndRate());
        System.out.printf(Locale.ROOT, "    emails delivered in all: %d of %d sent (more would be duplicates)%n",
            emails.count(), expectedEmails);
        System.out.printf(Locale.ROOT, "    %s%n", itinera.contention());
        System.out.printf(Locale.ROOT, "bare engine: %.0f starts/s while its job executor runs; rows %.0f/s;"
                + " end to end %.1f s = %.0f runs/s%n",
            baseline.startRate(), baseline.finishRate(), baseline.endToEndSeconds(), baseline.endToEndRate());
        System.out.printf(Locale.ROOT, "    %s%n", baseline.contention());
        System.out.printf(Locale.ROOT, "bare engine, the welcome series' shape (2 variables, a 30-day time limit,"
                + " a step with 2 inputs, then a 24-hour timer): %.0f starts/s; rows %.0f/s; end to end %.1f s = %.0f runs/s%n",
            shaped.startRate(), shaped.finishRate(), shaped.endToEndSeconds(), shaped.endToEndRate());
        System.out.printf(Locale.ROOT, "    %s%n", shaped.contention());
        System.out.printf(Locale.ROOT, "the shape alone, against the bare engine: end to end %.2f%n",
            shaped.endToEndRate() / baseline.endToEndRate());
        System.out.printf(Locale.ROOT, "HEADLINE ratio Itinera / bare engine: end to end %.2f, intake while jobs run %.2f%n",
            itinera.endToEndRate() / baseline.endToEndRate(), itinera.startRate() / baseline.startRate());
      } finally {
        optimisticLocking.detach();
        bareJobs.shutdown();
        bare.close();
      }
    } finally {
      pool.shutdownNow();
      smtp.stop();
    }
  }

  /** Creates the contacts, then times their signups until the last welcome email is delivered. */
  private static Phase itinera(ConfigurableApplicationContext app, SignupBatches api, ExecutorService pool,
      Arrivals emails, String prefix, int count) throws Exception {
    var contacts = app.getBean(Contacts.class);
    var transaction = app.getBean(TransactionTemplate.class);
    for (int first = 0; first < count; first += 500) {
      var from = first;
      transaction.executeWithoutResult(status -> {
        for (int index = from; index < Math.min(from + 500, count); index++) {
          var id = SignupBatches.contactId(prefix, index);
          contacts.insert(Contact.create(id, Instant.now()).withEmail(id + "@example.com"));
        }
      });
    }
    var expected = emails.count() + count;
    emails.reset();
    var began = System.nanoTime();
    var intake = Benchmarks.measureBatches(pool, THREADS, api, prefix, count);
    emails.await(expected, "welcome emails");
    return Phase.of(began, intake, emails, count);
  }

  /** Starts the bare engine's runs while its job executor (and not the app's) works them off. */
  private static Phase bareSide(ProcessEngine bare, String process, ExecutorService pool, Arrivals rows,
      JobExecutor appJobs, JobExecutor bareJobs, String prefix, int count) throws Exception {
    appJobs.shutdown();
    bareJobs.start();
    try {
      var expected = rows.count() + count;
      rows.reset();
      var began = System.nanoTime();
      var starts = Benchmarks.measure(pool, THREADS, count, index -> bare.getRuntimeService()
          .startProcessInstanceByKey(process, prefix + "-" + index, process.equals(SHAPED_PROCESS)
              // The bare engine has no JSON format: the event's map is stored serialized all the same.
              ? Map.of("event", Variables.objectValue(new HashMap<>(Map.of("source", "website"))).create(),
                  "eventType", "signup")
              : Map.of()));
      rows.await(expected, "rows written");
      return Phase.of(began, starts, rows, count);
    } finally {
      bareJobs.shutdown();
      appJobs.start();
    }
  }

  /**
   * What the engine does for the welcome series' first step, with the same row-writing step: a time limit
   * in an event subprocess, a step with two inputs, then a timer that waits. Its variables come with the start.
   */
  private static BpmnModelInstance welcomeShaped() {
    var process = Bpmn.createExecutableProcess(SHAPED_PROCESS).name("Benchmark: the welcome series' shape")
        .camundaHistoryTimeToLive(1);
    process.eventSubProcess("EventSubProcess_TimeLimit")
        .startEvent("Timer_TimeLimit").timerWithDuration("P30D")
        .endEvent("EndEvent_TimeLimitReached");
    return process.startEvent("StartEvent_Go")
        .serviceTask("Task_WriteRow").camundaAsyncBefore().camundaDelegateExpression("${writeRow}")
        .camundaInputParameter("template", "welcome").camundaInputParameter("category", "marketing")
        .intermediateCatchEvent("Timer_Wait24Hours").timerWithDuration("PT24H")
        .endEvent("EndEvent_Done")
        .done();
  }

  /** The bare engine with the app's job-executor settings, whose one step inserts a row. */
  private static ProcessEngine bareEngine(ConfigurableApplicationContext app, DataSource dataSource, Arrivals rows) {
    var configuration = Benchmarks.bareEngineLikeApp("bare-e2e-benchmark", app, dataSource);
    var beans = new HashMap<Object, Object>();
    beans.put("writeRow", (JavaDelegate) execution -> {
      var commandContext = Context.getCommandContext();
      var connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
      try (var insert = connection.prepareStatement("insert into bench_e2e_row (run_id, written_at) values (?, ?)")) {
        insert.setString(1, execution.getProcessInstanceId());
        insert.setTimestamp(2, Timestamp.from(Instant.now()));
        insert.executeUpdate();
      }
      commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> rows.arrived());
    });
    configuration.setBeans(beans);
    return configuration.buildProcessEngine();
  }

  private static Phase measured(OptimisticLockingLog optimisticLocking, LockSampler locks, ProcessEngine bare,
      ProcessEngine appEngine, PhaseRun phase) throws Exception {
    var logged = optimisticLocking.count();
    var acquisitionFailures = acquisitionFailures(appEngine) + acquisitionFailures(bare);
    locks.start();
    var cpu = CpuTime.now(locks.postgres);
    var result = phase.run();
    var cpuPerRun = CpuTime.now(locks.postgres).since(cpu, result.count());
    var lockWaits = locks.stop();
    return result.withContention(String.format(Locale.ROOT,
        "contention: %d optimistic-locking failures logged by the job executor, %d failed job acquisitions, %s%n    %s%s",
        optimisticLocking.count() - logged,
        acquisitionFailures(appEngine) + acquisitionFailures(bare) - acquisitionFailures, lockWaits, cpuPerRun,
        locks.tableActivity(result.count())));
  }

  /** Camunda's in-memory count since its last report to the database (every 15 minutes by default). */
  private static long acquisitionFailures(ProcessEngine engine) {
    var meters = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry();
    var meter = meters == null ? null : meters.getDbMeters().get("job-acquired-failure");
    return meter == null ? 0 : meter.get();
  }

  @FunctionalInterface
  private interface PhaseRun {
    Phase run() throws Exception;
  }

  /** One side's figures: starts (or intake events) per second, finishes per second, first start to last finish. */
  private record Phase(double startRate, double finishRate, double endToEndSeconds, int count, String contention) {

    static Phase of(long began, double startRate, Arrivals arrivals, int count) {
      return new Phase(startRate, count / ((arrivals.last() - arrivals.first()) / 1e9),
          (arrivals.last() - began) / 1e9, count, "");
    }

    double endToEndRate() {
      return count / endToEndSeconds;
    }

    Phase withContention(String text) {
      return new Phase(startRate, finishRate, endToEndSeconds, count, text);
    }
  }

  /** Counts the job executors' optimistic-locking failures, which Camunda logs as warnings. */
  private static final class OptimisticLockingLog extends AppenderBase<ILoggingEvent> {
    private final AtomicInteger count = new AtomicInteger();

    static OptimisticLockingLog attach() {
      var logger = (Logger) LoggerFactory.getLogger("org.camunda.bpm");
      var appender = new OptimisticLockingLog();
      appender.setContext(logger.getLoggerContext());
      appender.start();
      logger.addAppender(appender);
      return appender;
    }

    void detach() {
      ((Logger) LoggerFactory.getLogger("org.camunda.bpm")).detachAppender(this);
      stop();
    }

    int count() {
      return count.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
      var thrown = event.getThrowableProxy();
      if (event.getFormattedMessage().contains("OptimisticLockingException")
          || thrown != null && thrown.getClassName().endsWith("OptimisticLockingException")) {
        count.incrementAndGet();
      }
    }
  }

  /** On PostgreSQL: waiting lock requests in {@code pg_locks} every 100 ms, and new deadlocks. */
  private static final class LockSampler {
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private Thread sampler;
    private long deadlocks;
    private int samples;
    private int samplesWaiting;
    private int mostWaiting;
    private TableActivity countsBefore;
    private TableActivity countsAfter;

    LockSampler(DataSource dataSource, boolean postgres) {
      this.jdbc = new JdbcTemplate(dataSource);
      this.postgres = postgres;
    }

    void start() {
      if (!postgres) {
        return;
      }
      Benchmarks.analyzed(jdbc);
      deadlocks = deadlocks();
      countsBefore = TableActivity.now(jdbc);
      samples = 0;
      samplesWaiting = 0;
      mostWaiting = 0;
      sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          var waiting = jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class);
          samples++;
          samplesWaiting += waiting > 0 ? 1 : 0;
          mostWaiting = Math.max(mostWaiting, waiting);
          try {
            Thread.sleep(100);
          } catch (InterruptedException stopped) {
            return;
          }
        }
      }, "lock-sampler");
      sampler.start();
    }

    String stop() throws InterruptedException {
      if (!postgres) {
        return "lock waits not sampled on H2";
      }
      sampler.interrupt();
      sampler.join();
      countsAfter = TableActivity.settled(jdbc);
      return String.format(Locale.ROOT, "lock waits in %d of %d pg_locks samples (at most %d waiting), %d deadlocks",
          samplesWaiting, samples, mostWaiting, deadlocks() - deadlocks);
    }

    /** What the phase did to the database, per run (on PostgreSQL). */
    String tableActivity(int runs) {
      return postgres ? String.format(Locale.ROOT, "%n    %s", countsAfter.since(countsBefore, runs)) : "";
    }

    private long deadlocks() {
      jdbc.execute("select pg_stat_clear_snapshot()");
      return jdbc.queryForObject("select deadlocks from pg_stat_database where datname = current_database()",
          Long.class);
    }
  }
}
