package io.itinera.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many contacts waiting in journeys at once (issue 12 part 3). Waiting contacts are real runs of the
 * shipped cart abandonment journey, each waiting on a timer (1 hour) and for a {@code purchase} (its
 * goal), started through the app's own intake ({@link EventIntake#accept}, 200 events per
 * transaction, 2 threads) for contacts inserted just before. With the job executor on, at 1,000 and
 * then at W waiting runs, it measures the latency of a {@code purchase} reaching its waiting run
 * through {@code POST /api/events} (one at a time, sampled contacts; the delivery happens inside the
 * request) and the signup intake rate through {@code POST /api/events/batch} ({@link SignupBatches}).
 * Then it ends every run (deleted through the runtime API, history kept, history time to live set to
 * 0 so their removal time is their end) and times Camunda's history cleanup removing them.
 *
 * <p>Run with {@code bench/waiting-runs.sh [h2|postgres] [waiting]}: a JUnit run of this tagged test,
 * which the normal build leaves out.
 */
@Tag("benchmark")
class WaitingRunsBenchmark {

  private static final int THREADS = 2;
  private static final int FIRST_LEVEL = 1_000;
  private static final int SAMPLES = 300;
  private static final int SIGNUPS = 1_000;
  private static final int EVENTS_PER_TRANSACTION = 200;
  private static final String WAITING = "wait";
  private static final long CLEANUP_WINDOW_SECONDS = 4 * 3600;

  @Test
  void measuresEventsReachingWaitingRunsAndHistoryCleanupAtScale() throws Exception {
    var databaseUrl = Benchmarks.databaseUrl("itinera-waiting-bench");
    var databaseUser = Benchmarks.databaseUser();
    var waiting = Benchmarks.count(2000);
    if (waiting <= FIRST_LEVEL) {
      throw new IllegalArgumentException("Measure more than " + FIRST_LEVEL + " waiting runs, not " + waiting);
    }
    // The welcome emails of the intake rounds and the post-purchase emails go to a local SMTP server.
    var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    // The post-purchase journey a purchase starts tells the CRM: a receiver on loopback that answers 204.
    var crm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    crm.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    crm.start();
    var app = Benchmarks.startApp(databaseUrl, databaseUser,
        "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-waiting-bench"),
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--ITINERA_WEBHOOK_SECRET=benchmark-webhook-secret", "--itinera.webhook.allowed-hosts=127.0.0.1:*",
        "--itinera.webhook.urls.crm=http://127.0.0.1:" + crm.getAddress().getPort() + "/crm");
    var pool = Executors.newFixedThreadPool(THREADS);
    try (app) {
      var bench = new WaitingRuns(app, pool);
      var postgres = !databaseUrl.startsWith("jdbc:h2");

      var firstSetup = bench.grow(FIRST_LEVEL + SAMPLES + SAMPLES / 3);
      bench.warmUp();
      var atFirst = bench.measure("at1k");
      var secondSetup = bench.grow(waiting + SAMPLES);
      var atW = bench.measure("atW");
      var plans = postgres ? QueryPlans.explain(app.getBean(DataSource.class), bench.sampleWaitingContact())
          : List.of("(query plans are read on PostgreSQL only)");
      var cleanup = bench.endAllAndCleanUp();

      var out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%n%s, %d waiting runs of cart-abandonment (timer + purchase), job executor"
              + " on (%s threads, %d jobs per acquisition)%n", Benchmarks.databaseName(databaseUrl), waiting,
          app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size"), bench.jobsPerAcquisition()));
      out.append(String.format(Locale.ROOT, "setup through EventIntake.accept, %d per transaction, %d threads:"
              + " %.0f runs/s to %d, %.0f runs/s to %d%n", EVENTS_PER_TRANSACTION, THREADS,
          firstSetup, FIRST_LEVEL + SAMPLES + SAMPLES / 3, secondSetup, waiting + SAMPLES));
      out.append("| waiting runs (active / timers / message waits) | purchase -> waiting run p50 | p99 | mean"
          + " | signups/s (batch API, 2 threads) |\n|---|---|---|---|---|\n");
      out.append(atFirst.row()).append(atW.row());
      out.append(String.format(Locale.ROOT, "ratio W / 1k: p50 %.2f, p99 %.2f, mean %.2f, intake %.2f%n",
          atW.p50() / atFirst.p50(), atW.p99() / atFirst.p99(), atW.mean() / atFirst.mean(),
          atW.intake() / atFirst.intake()));
      plans.forEach(plan -> out.append("plan: ").append(plan).append('\n'));
      out.append(cleanup.report());
      out.append(estimate(firstSetup, secondSetup, atFirst, atW, cleanup));
      System.out.print(out);
    } finally {
      pool.shutdownNow();
      crm.stop(0);
      smtp.stop();
    }
  }

  /**
   * 1,000,000 waiting, on paper: latency extrapolated linearly from the two levels, by the median
   * and the mean (the p99 of 300 samples on a shared machine is mostly noise); a slope below zero
   * counts as flat. The rest from the measured rates.
   */
  private static String estimate(double firstSetup, double secondSetup, Level atFirst, Level atW, Cleanup cleanup) {
    var growth = 1_000_000.0 - atFirst.waiting();
    var levels = atW.waiting() - atFirst.waiting();
    var p50Slope = Math.max(0, (atW.p50() - atFirst.p50()) / levels);
    var meanSlope = Math.max(0, (atW.mean() - atFirst.mean()) / levels);
    return String.format(Locale.ROOT, "ESTIMATE 1,000,000 waiting: purchase -> run p50 %.1f ms, mean %.1f ms"
            + " (growth per 100,000 waiting: %.2f ms and %.2f ms); setup %.0f min at %.0f runs/s"
            + " (%.0f runs/s to 1k); ending them %.0f min at %.0f/s; history cleanup %.0f min at %.0f runs/s"
            + " against a %d min window%n",
        atFirst.p50() + p50Slope * growth, atFirst.mean() + meanSlope * growth, p50Slope * 100_000,
        meanSlope * 100_000, 1_000_000 / secondSetup / 60, secondSetup, firstSetup,
        1_000_000 / cleanup.endRate() / 60, cleanup.endRate(), 1_000_000 / cleanup.removalRate() / 60,
        cleanup.removalRate(), CLEANUP_WINDOW_SECONDS / 60);
  }

  /** The app under test, its waiting contacts, and what each step measures. */
  private static final class WaitingRuns {
    private final ConfigurableApplicationContext app;
    private final ExecutorService pool;
    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI track;
    private final SignupBatches signups;
    private final BitSet purchased = new BitSet();
    private final Random random = new Random(12);
    private int started;

    WaitingRuns(ConfigurableApplicationContext app, ExecutorService pool) {
      this.app = app;
      this.pool = pool;
      this.engine = app.getBean(ProcessEngine.class);
      this.jdbc = new JdbcTemplate(app.getBean(DataSource.class));
      this.track = URI.create("http://127.0.0.1:" + Benchmarks.port(app) + "/api/events");
      this.signups = new SignupBatches(Benchmarks.port(app));
    }

    int jobsPerAcquisition() {
      return configuration().getJobExecutor().getMaxJobsPerAcquisition();
    }

    /** Inserts contacts and starts their cart abandonment runs until {@code total} were started; runs/s. */
    double grow(int total) throws Exception {
      var contacts = app.getBean(Contacts.class);
      var intake = app.getBean(EventIntake.class);
      var transaction = app.getBean(TransactionTemplate.class);
      var from = started;
      var chunks = (total - from + EVENTS_PER_TRANSACTION - 1) / EVENTS_PER_TRANSACTION;
      var chunksPerSecond = Benchmarks.measure(pool, THREADS, chunks,
          chunk -> transaction.executeWithoutResult(status -> {
            var first = from + chunk * EVENTS_PER_TRANSACTION;
            for (int index = first; index < Math.min(first + EVENTS_PER_TRANSACTION, total); index++) {
              var id = contactId(index);
              contacts.insert(Contact.create(id, Instant.now()).withEmail(id + "@example.com"));
              // No properties: two long transactions recording the same new property name would wait on each other.
              var outcome = intake.accept(new NewEvent(id, "cart_abandoned", Map.of(), null, null));
              if (outcome.started().size() != 1) {
                throw new IllegalStateException("cart_abandoned of " + id + " started " + outcome.started());
              }
            }
          }));
      started = total;
      return chunksPerSecond * (total - from) / chunks;
    }

    /** The JIT and the pools, on the paths measured: purchases to waiting runs and signup batches. */
    void warmUp() throws Exception {
      for (int sample = 0; sample < SAMPLES / 3; sample++) {
        purchase(nextSample());
      }
      Benchmarks.measureBatches(pool, THREADS, signups, "warm", SIGNUPS / 2);
    }

    /** Latency of purchases reaching sampled waiting runs, then the signup intake rate, at the current level. */
    Level measure(String round) throws Exception {
      var runtime = engine.getRuntimeService();
      var active = runtime.createProcessInstanceQuery().active().count();
      var timers = engine.getManagementService().createJobQuery().timers().count();
      var messages = runtime.createEventSubscriptionQuery().eventType("message").count();
      var millis = new double[SAMPLES];
      for (int sample = 0; sample < SAMPLES; sample++) {
        millis[sample] = purchase(nextSample());
      }
      var intake = Benchmarks.measureBatches(pool, THREADS, signups, round, SIGNUPS);
      return new Level(active, timers, messages, millis, intake);
    }

    /** A waiting contact not sampled before, anywhere among those started so far. */
    private int nextSample() {
      while (true) {
        var index = random.nextInt(started);
        if (!purchased.get(index)) {
          purchased.set(index);
          return index;
        }
      }
    }

    String sampleWaitingContact() {
      var index = random.nextInt(started);
      while (purchased.get(index)) {
        index = (index + 1) % started;
      }
      return contactId(index);
    }

    /** One purchase through the REST API; its milliseconds, after checking it reached the contact's run. */
    private double purchase(int index) throws Exception {
      var body = "{\"contactId\":\"" + contactId(index) + "\",\"type\":\"purchase\",\"properties\":{\"revenue\":25}}";
      var request = HttpRequest.newBuilder(track)
          .header("Authorization", "Bearer " + Benchmarks.API_KEY)
          .header("Content-Type", "application/json")
          .timeout(Duration.ofMinutes(1))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      var began = System.nanoTime();
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      var elapsed = (System.nanoTime() - began) / 1e6;
      if (response.statusCode() != 200 || !response.body().contains("\"reached\":[{\"journey\":\"cart-abandonment\"")) {
        throw new IllegalStateException("The purchase of " + contactId(index) + " did not reach its waiting run: "
            + response.statusCode() + " " + response.body());
      }
      return elapsed;
    }

    /**
     * Ends every run (the runtime API, history kept) with a history time to live of 0 days, so that
     * each run's removal time is its end; then times Camunda's cleanup removing them, run at once
     * (outside its window) by the job executor.
     */
    Cleanup endAllAndCleanUp() throws Exception {
      var repository = engine.getRepositoryService();
      repository.createProcessDefinitionQuery().list()
          .forEach(definition -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), 0));
      var runtime = engine.getRuntimeService();
      var ids = runtime.createProcessInstanceQuery().list().stream().map(run -> run.getId()).toList();
      var chunks = new ArrayList<List<String>>();
      for (int first = 0; first < ids.size(); first += EVENTS_PER_TRANSACTION) {
        chunks.add(ids.subList(first, Math.min(first + EVENTS_PER_TRANSACTION, ids.size())));
      }
      var endRate = Benchmarks.measure(pool, THREADS, chunks.size(), chunk -> runtime.deleteProcessInstances(
          chunks.get(chunk), "benchmark: the waiting runs end", true, true)) * ids.size() / chunks.size();
      var cutoff = new Date();
      var due = dueRows(cutoff);
      var history = engine.getHistoryService();
      var began = System.nanoTime();
      history.cleanUpHistoryAsync(true);
      var runsGone = 0L;
      while (true) {
        var left = dueRows(cutoff);
        if (runsGone == 0 && left[0] == 0) {
          runsGone = System.nanoTime();
        }
        if (Arrays.stream(left).sum() == 0) {
          break;
        }
        if (System.nanoTime() - began > Duration.ofHours(2).toNanos()) {
          throw new IllegalStateException("History cleanup left " + Arrays.toString(left) + " rows after 2 hours");
        }
        Thread.sleep(250);
      }
      var allGone = System.nanoTime();
      var configuration = configuration();
      return new Cleanup(ids.size(), endRate, due, (runsGone - began) / 1e9, (allGone - began) / 1e9,
          configuration.getHistoryCleanupBatchSize(), configuration.getHistoryCleanupDegreeOfParallelism());
    }

    /** History rows whose removal time has come: runs, activity instances, variables, details, job log. */
    private long[] dueRows(Date cutoff) {
      return Cleanup.TABLES.stream()
          .mapToLong(table -> jdbc.queryForObject("select count(*) from " + table + " where REMOVAL_TIME_ <= ?",
              Long.class, cutoff))
          .toArray();
    }

    private ProcessEngineConfigurationImpl configuration() {
      return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String contactId(int index) {
      return SignupBatches.contactId(WAITING, index);
    }
  }

  /** The figures at one level of waiting runs. */
  private record Level(long waiting, long timers, long messageWaits, double[] millis, double intake) {

    Level {
      millis = millis.clone();
      Arrays.sort(millis);
    }

    double p50() {
      return millis[millis.length / 2];
    }

    double p99() {
      return millis[(int) Math.ceil(millis.length * 0.99) - 1];
    }

    double mean() {
      return Arrays.stream(millis).average().orElseThrow();
    }

    String row() {
      return String.format(Locale.ROOT, "| %d / %d / %d | %.1f ms | %.1f ms | %.1f ms | %.0f |%n", waiting, timers,
          messageWaits, p50(), p99(), mean(), intake);
    }
  }

  /** What ending the runs and cleaning their history took. */
  private record Cleanup(int runs, double endRate, long[] dueRows, double runsSeconds, double allSeconds,
      int batchSize, int parallelism) {

    static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
        "ACT_HI_JOB_LOG");

    double removalRate() {
      return dueRows[0] / allSeconds;
    }

    String report() {
      var rows = new StringBuilder();
      for (int table = 0; table < TABLES.size(); table++) {
        rows.append(table == 0 ? "" : ", ").append(TABLES.get(table)).append(' ').append(dueRows[table]);
      }
      return String.format(Locale.ROOT, "ended %d runs through the runtime API at %.0f runs/s%n"
              + "history cleanup (batch size %d, degree of parallelism %d, removal-time based): %d runs (%s rows)"
              + " removed; runs gone after %.1f s, every row after %.1f s = %.0f runs/s;"
              + " in the %d h window that is %.0f runs%n",
          runs, endRate, batchSize, parallelism, dueRows[0], rows, runsSeconds, allSeconds, removalRate(),
          CLEANUP_WINDOW_SECONDS / 3600, removalRate() * CLEANUP_WINDOW_SECONDS);
    }
  }
}
