package io.itinera.benchmark;

import io.itinera.ItineraApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Events per second through {@code POST /api/events/batch}, each event a new contact's website
 * signup that starts a welcome-series run, against the bare engine starting the same number of
 * runs of a one-step process (start, wait, end) on the same database, in the same JVM. The bare
 * engine is a plain Camunda engine without Itinera's plugins, as a second node would be. Rounds
 * alternate between the two so that drift on a noisy machine hits both alike.
 *
 * <p>Run with {@code bench/run.sh event-intake h2} or {@code bench/run.sh event-intake postgres}.
 */
public final class EventIntakeBenchmark {

  private static final String API_KEY = "benchmark-key";
  private static final int THREADS = 2;
  private static final int BATCH = 250;

  private EventIntakeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    var databaseUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:itinera-bench;DB_CLOSE_DELAY=-1";
    var databaseUser = args.length > 1 ? args[1] : "sa";
    var events = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    var rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0",
        "--ITINERA_DB_URL=" + databaseUrl,
        "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark",
        "--ITINERA_API_KEYS=" + API_KEY,
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret",
        "--itinera.mail-sink.smtp-port=0",
        // Both sides measure starts only: the runs' first jobs wait, as in the bare engine.
        "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN");
    try (app) {
      var port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
      var bare = bareEngine(app.getBean(DataSource.class));
      try {
        deployOneStepProcess(bare.getRepositoryService());
        var api = new Api(port);
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
          // Warm-up: the JIT and the connection pool, on both sides.
          measure(pool, events / 4, index -> bare.getRuntimeService()
              .startProcessInstanceByKey("bench-one-step", "warm-bare-" + index));
          measureBatches(pool, api, "warm", events / 4);

          var bareRates = new ArrayList<Double>();
          var itineraRates = new ArrayList<Double>();
          for (int round = 1; round <= rounds; round++) {
            var prefix = "r" + round + "-";
            bareRates.add(measure(pool, events, index -> bare.getRuntimeService()
                .startProcessInstanceByKey("bench-one-step", prefix + "bare-" + index)));
            itineraRates.add(measureBatches(pool, api, prefix + "api", events));
            System.out.printf(Locale.ROOT, "round %d: bare engine %.0f starts/s, Itinera %.0f events/s%n",
                round, bareRates.get(round - 1), itineraRates.get(round - 1));
          }
          var bareMedian = median(bareRates);
          var itineraMedian = median(itineraRates);
          System.out.printf(Locale.ROOT, "%s, %d events x %d rounds, %d threads, batches of %d%n",
              databaseUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", events, rounds, THREADS, BATCH);
          System.out.printf(Locale.ROOT, "bare engine: %.0f starts/s (median)%n", bareMedian);
          System.out.printf(Locale.ROOT, "Itinera POST /api/events/batch: %.0f events/s, each starting a run (median)%n",
              itineraMedian);
          System.out.printf(Locale.ROOT, "ratio Itinera / bare engine: %.2f%n", itineraMedian / bareMedian);
        } finally {
          pool.shutdownNow();
        }
      } finally {
        bare.close();
      }
    }
  }

  /** A plain Camunda engine on the same database: no enrolments, no router, no expressions of ours. */
  private static ProcessEngine bareEngine(DataSource dataSource) {
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-benchmark");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    return configuration.buildProcessEngine();
  }

  private static void deployOneStepProcess(RepositoryService repository) {
    repository.createDeployment().name("benchmark").enableDuplicateFiltering(true)
        .addModelInstance("bench-one-step.bpmn", Bpmn.createExecutableProcess("bench-one-step")
            .name("Benchmark: one step").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Go").name("Go")
            .intermediateCatchEvent("Timer_Wait1Day").name("Wait 1 day").timerWithDuration("P1D")
            .endEvent("EndEvent_Done").name("Done")
            .done())
        .deploy();
  }

  /** Runs {@code count} operations over the pool's threads and returns operations per second. */
  private static double measure(ExecutorService pool, int count, IntConsumer operation) throws Exception {
    var tasks = new ArrayList<Callable<Void>>();
    for (int thread = 0; thread < THREADS; thread++) {
      var first = thread;
      tasks.add(() -> {
        for (int index = first; index < count; index += THREADS) {
          operation.accept(index);
        }
        return null;
      });
    }
    return timed(pool, tasks, count);
  }

  private static double measureBatches(ExecutorService pool, Api api, String prefix, int count) throws Exception {
    var tasks = new ArrayList<Callable<Void>>();
    for (int thread = 0; thread < THREADS; thread++) {
      var first = thread * BATCH;
      tasks.add(() -> {
        for (int start = first; start < count; start += THREADS * BATCH) {
          api.signups(prefix, start, Math.min(BATCH, count - start));
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

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** The app's side of the benchmark: batches of signups, each from a new contact. */
  private static final class Api {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI batch;

    Api(int port) {
      this.batch = URI.create("http://127.0.0.1:" + port + "/api/events/batch");
    }

    void signups(String prefix, int first, int count) throws Exception {
      var body = new StringBuilder("{\"batch\":[");
      for (int index = first; index < first + count; index++) {
        body.append(index == first ? "" : ",")
            .append("{\"contactId\":\"bench-").append(prefix).append('-').append(index)
            .append("\",\"type\":\"signup\",\"properties\":{\"source\":\"website\"}}");
      }
      body.append("]}");
      var response = http.send(HttpRequest.newBuilder(batch)
              .header("Authorization", "Bearer " + API_KEY)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(5))
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      var started = response.body().split("\"journey\":\"welcome-series\"", -1).length - 1;
      if (response.statusCode() != 200 || started != count) {
        throw new IllegalStateException("Batch answered " + response.statusCode() + " with " + started + " of "
            + count + " runs started: " + response.body().substring(0, Math.min(500, response.body().length())));
      }
    }
  }
}
