package io.itinera.benchmark;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Due timers: N runs wait at a one-hour timer, the engine clock moves two hours on, and the job
 * executor fires them all; timed from the clock's move to the last run's end committed. The same
 * model (start, timer, end with a listener that counts the committed end) runs in the app's engine,
 * as a journey with every plugin of ours (enrolments, entry rules, expressions, metrics), and in a bare
 * engine with the app's job-executor settings, in the same run on the same database, taking turns.
 *
 * <p>Run with {@code bench/run.sh timers [h2|postgres] [count]}: a JUnit run of this tagged test, which the
 * normal build leaves out.
 */
@Tag("benchmark")
class TimersBenchmark {

  private static final String JOURNEY = "bench-timers-journey";
  private static final String BARE_PROCESS = "bench-timers-bare";
  private static final int STARTS_PER_TRANSACTION = 200;

  @Test
  void firesDueTimersAgainstTheBareEngine() throws Exception {
    var databaseUrl = System.getProperty("bench.db-url", "jdbc:h2:mem:itinera-timers-bench;DB_CLOSE_DELAY=-1");
    var count = Integer.parseInt(System.getProperty("bench.contacts", "3000"));
    var app = Benchmarks.startApp(databaseUrl, System.getProperty("bench.db-user", "sa"),
        "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-timers-bench"), 
        // No email is sent here; a real database needs an SMTP server named all the same.
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=1");
    try (app) {
      var ended = new Arrivals();
      app.getBeanFactory().registerSingleton("benchRunEnded", countsCommittedEnds(ended));
      var appEngine = app.getBean(ProcessEngine.class);
      var appJobs = ((ProcessEngineConfigurationImpl) appEngine.getProcessEngineConfiguration()).getJobExecutor();
      var configuration = Benchmarks.bareEngineLikeApp("bare-timers-benchmark", app, app.getBean(DataSource.class));
      var beans = new HashMap<Object, Object>();
      beans.put("benchRunEnded", countsCommittedEnds(ended));
      configuration.setBeans(beans);
      var bare = configuration.buildProcessEngine();
      var bareJobs = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration()).getJobExecutor();
      try {
        appEngine.getRepositoryService().createDeployment().name("timers benchmark, journey")
            .addModelInstance(JOURNEY + ".bpmn", waitAnHour(JOURNEY)).deploy();
        bare.getRepositoryService().createDeployment().name("timers benchmark, bare")
            .addModelInstance(BARE_PROCESS + ".bpmn", waitAnHour(BARE_PROCESS)).deploy();
        var transaction = app.getBean(TransactionTemplate.class);
        var warmUp = Math.max(50, count / 10);
        var jdbc = databaseUrl.startsWith("jdbc:postgresql") ? new JdbcTemplate(app.getBean(DataSource.class)) : null;
        fire(appEngine, JOURNEY, "warm", warmUp, transaction, appJobs, bareJobs, ended, null);
        fire(bare, BARE_PROCESS, "warm", warmUp, transaction, bareJobs, appJobs, ended, null);

        var itinera = fire(appEngine, JOURNEY, "run", count, transaction, appJobs, bareJobs, ended, jdbc);
        var baseline = fire(bare, BARE_PROCESS, "run", count, transaction, bareJobs, appJobs, ended, jdbc);

        System.out.printf(Locale.ROOT, "%n%s, %d runs waiting at a timer on each side (after a warm-up of %d),"
                + " job executor %d threads, %d jobs per acquisition%n", Benchmarks.databaseName(databaseUrl), count,
            warmUp, app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class),
            appJobs.getMaxJobsPerAcquisition());
        System.out.printf(Locale.ROOT, "Itinera (a journey, every plugin on): %d timers fired in %.1f s = %.0f/s%n%s",
            count, itinera.seconds(), itinera.rate(), itinera.activity());
        System.out.printf(Locale.ROOT, "bare engine: %d timers fired in %.1f s = %.0f/s%n%s", count,
            baseline.seconds(), baseline.rate(), baseline.activity());
        System.out.printf(Locale.ROOT, "HEADLINE ratio Itinera / bare engine, due timers: %.2f%n",
            itinera.rate() / baseline.rate());
      } finally {
        bareJobs.shutdown();
        bare.close();
        ClockUtil.reset();
      }
    }
  }

  private static BpmnModelInstance waitAnHour(String key) {
    return Bpmn.createExecutableProcess(key).name("Benchmark: wait an hour").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Go")
        .intermediateCatchEvent("Timer_WaitAnHour").timerWithDuration("PT1H")
        .endEvent("EndEvent_Done").camundaExecutionListenerDelegateExpression(ExecutionListener.EVENTNAME_END,
            "${benchRunEnded}")
        .done();
  }

  /** The same listener on both sides: an end counts once its transaction commits. */
  private static ExecutionListener countsCommittedEnds(Arrivals ended) {
    return execution -> Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> ended.arrived());
  }

  /**
   * Starts {@code count} runs that wait an hour (the contact is the business key), then moves the clock on
   * and lets this engine's job executor, and not the other's, fire them.
   */
  private static Fired fire(ProcessEngine engine, String processKey, String prefix, int count,
      TransactionTemplate transaction, JobExecutor jobs, JobExecutor otherJobs, Arrivals ended, JdbcTemplate jdbc)
      throws Exception {
    otherJobs.shutdown();
    jobs.shutdown();
    var runtime = engine.getRuntimeService();
    for (int first = 0; first < count; first += STARTS_PER_TRANSACTION) {
      var from = first;
      transaction.executeWithoutResult(status -> {
        for (int index = from; index < Math.min(from + STARTS_PER_TRANSACTION, count); index++) {
          runtime.startProcessInstanceByKey(processKey, prefix + "-" + processKey + "-" + index);
        }
      });
    }
    if (jdbc != null) {
      Benchmarks.analyzed(jdbc);
    }
    var expected = ended.count() + count;
    ended.reset();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofHours(2))));
    var before = jdbc == null ? null : TableActivity.settled(jdbc);
    var cpu = CpuTime.now(jdbc != null);
    var began = System.nanoTime();
    jobs.start();
    ended.await(expected, "runs ended by their timer");
    var cpuPerRun = CpuTime.now(jdbc != null).since(cpu, count);
    jobs.shutdown();
    var activity = "    " + cpuPerRun + "\n"
        + (jdbc == null ? "" : "    " + TableActivity.settled(jdbc).since(before, count) + "\n");
    otherJobs.start();
    return new Fired(count, (ended.last() - began) / 1e9, activity);
  }

  /** {@code activity}: the CPU firing took per run and, on PostgreSQL, what it did to the database. */
  private record Fired(int count, double seconds, String activity) {
    double rate() {
      return count / seconds;
    }
  }
}
