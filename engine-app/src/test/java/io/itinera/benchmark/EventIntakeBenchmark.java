package io.itinera.benchmark;

import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;

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

  private static final int THREADS = 2;

  private EventIntakeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    var databaseUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:itinera-bench;DB_CLOSE_DELAY=-1";
    var databaseUser = args.length > 1 ? args[1] : "sa";
    var events = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    var rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    var app = Benchmarks.startApp(databaseUrl, databaseUser, "--itinera.mail-sink.smtp-port=0",
        // Both sides measure starts only: the runs' first jobs wait, as in the bare engine.
        "--camunda.bpm.job-execution.enabled=false");
    try (app) {
      var bare = Benchmarks.bareEngine("bare-benchmark", app.getBean(DataSource.class)).buildProcessEngine();
      try {
        deployOneStepProcess(bare.getRepositoryService());
        var api = new SignupBatches(Benchmarks.port(app));
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
          // Warm-up: the JIT and the connection pool, on both sides.
          Benchmarks.measure(pool, THREADS, events / 4, index -> bare.getRuntimeService()
              .startProcessInstanceByKey("bench-one-step", "warm-bare-" + index));
          Benchmarks.measureBatches(pool, THREADS, api, "warm", events / 4);

          var bareRates = new ArrayList<Double>();
          var itineraRates = new ArrayList<Double>();
          for (int round = 1; round <= rounds; round++) {
            var prefix = "r" + round + "-";
            bareRates.add(Benchmarks.measure(pool, THREADS, events, index -> bare.getRuntimeService()
                .startProcessInstanceByKey("bench-one-step", prefix + "bare-" + index)));
            itineraRates.add(Benchmarks.measureBatches(pool, THREADS, api, prefix + "api", events));
            System.out.printf(Locale.ROOT, "round %d: bare engine %.0f starts/s, Itinera %.0f events/s%n",
                round, bareRates.get(round - 1), itineraRates.get(round - 1));
          }
          var bareMedian = Benchmarks.median(bareRates.stream().mapToDouble(Double::doubleValue).toArray());
          var itineraMedian = Benchmarks.median(itineraRates.stream().mapToDouble(Double::doubleValue).toArray());
          System.out.printf(Locale.ROOT, "%s, %d events x %d rounds, %d threads, batches of %d%n",
              Benchmarks.databaseName(databaseUrl), events, rounds, THREADS, SignupBatches.SIZE);
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

}
