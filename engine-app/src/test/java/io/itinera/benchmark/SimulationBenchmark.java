package io.itinera.benchmark;

import io.itinera.EngineJobs;
import io.itinera.ItineraApplication;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import io.itinera.simulation.AudienceForecast;
import io.itinera.simulation.Forecast;
import io.itinera.simulation.ForecastPlan;
import io.itinera.simulation.ForecastPlan.Audience;
import io.itinera.simulation.ForecastPlan.ForecastEvent;
import io.itinera.simulation.ForecastPlan.SyntheticAudience;
import io.itinera.simulation.JourneySimulator;
import io.itinera.simulation.ScriptedEvent;
import io.itinera.simulation.SimulatedEvent;
import io.itinera.simulation.SimulationPlan;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the simulator costs, with the app running as in production (job executor and outbox
 * dispatcher on): (a) one contact through the 30-day welcome series (signup, an open after 30 hours,
 * followed for 40 days), the first call (which builds a simulation world) apart, against the
 * baseline of the same run on the app's real engine, driven by moving the engine clock and running
 * the due jobs; (b) a forecast of a thousand synthetic contacts, which uses both simulation worlds.
 *
 * <p>Run with {@code bench/simulate.sh [h2|postgres] [contacts]}: a JUnit run of this tagged test, which
 * the normal build leaves out ({@code exec:java}, as the other benchmarks use, needs a plugin that an
 * offline Maven repository may not have).
 */
@Tag("benchmark")
class SimulationBenchmark {

  private static final String JOURNEY = "welcome-series";
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-07T09:00:00Z");
  private static final Duration OPENED_AFTER = Duration.ofHours(30);
  private static final Duration HORIZON = Duration.ofDays(40);
  private static final SimulatedEvent SIGNUP = new SimulatedEvent("signup", Map.of("source", "website"));
  private static final int WARM_UPS = 10;
  private static final int RUNS = 50;
  private static final int REAL_WARM_UPS = 3;
  private static final int REAL_RUNS = 10;

  @Test
  void measuresTheSimulatorAgainstTheRealEngine() {
    run(System.getProperty("bench.db-url", "jdbc:h2:mem:itinera-simulation-bench;DB_CLOSE_DELAY=-1"),
        System.getProperty("bench.db-user", "sa"),
        Integer.parseInt(System.getProperty("bench.contacts", String.valueOf(ForecastPlan.MAX_CONTACTS))));
  }

  private static void run(String databaseUrl, String databaseUser, int contacts) {
    var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=" + databaseUrl, "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark", "--ITINERA_API_KEYS=benchmark-key",
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--itinera.push.vapid.generate=true",
        "--itinera.mail-sink.smtp-port=0",
        "--logging.level.root=WARN");
    try (app) {
      var simulator = app.getBean(JourneySimulator.class);
      var plan = new SimulationPlan(null, SIGNUP, List.of(new ScriptedEvent(OPENED_AFTER, "email_opened", null)),
          START, HORIZON, 1L);
      var firstMillis = millis(() -> simulator.simulate(JOURNEY, plan, false));
      var simulated = timed(WARM_UPS, RUNS, run -> simulator.simulate(JOURNEY, plan, false));
      var real = realEngine(app);

      var forecasts = app.getBean(AudienceForecast.class);
      var firstForecastMillis = millis(() -> forecasts.forecast(JOURNEY, forecast(20)));
      var began = System.nanoTime();
      var forecast = forecasts.forecast(JOURNEY, forecast(contacts));
      var forecastSeconds = (System.nanoTime() - began) / 1e9;

      System.out.printf(Locale.ROOT, "%s, journey %s v%d%n", databaseUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL",
          JOURNEY, forecast.version());
      System.out.printf(Locale.ROOT, "(a) first simulation (builds a simulation world): %.0f ms%n", firstMillis);
      System.out.printf(Locale.ROOT, "(a) one contact, signup + open at %s, horizon P%dD: median %.1f ms, p95 %.1f ms"
          + " (%d runs after %d warm-ups)%n", OPENED_AFTER, HORIZON.toDays(), percentile(simulated, 50),
          percentile(simulated, 95), RUNS, WARM_UPS);
      System.out.printf(Locale.ROOT, "    baseline, the same run on the app's real engine (clock moved, due jobs run):"
          + " median %.1f ms, p95 %.1f ms (%d runs after %d warm-ups)%n", percentile(real, 50), percentile(real, 95),
          REAL_RUNS, REAL_WARM_UPS);
      System.out.printf(Locale.ROOT, "    ratio simulation / real engine (medians): %.2f%n",
          percentile(simulated, 50) / percentile(real, 50));
      System.out.printf(Locale.ROOT, "(b) first forecast, 20 contacts (builds the second world): %.1f s%n",
          firstForecastMillis / 1000);
      System.out.printf(Locale.ROOT, "(b) forecast of %d synthetic contacts: %.1f s wall, %.1f contacts/s%n",
          forecast.contacts(), forecastSeconds, forecast.contacts() / forecastSeconds);
      System.out.printf(Locale.ROOT, "    it answered: %d emails queued, %d skipped, endings %s, per contact %s%n",
          forecast.emails().queued(), forecast.emails().skipped(), forecast.endings(), forecast.emails().perContact());
    }
  }

  private static ForecastPlan forecast(int contacts) {
    var audience = new SyntheticAudience(contacts, List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo"),
        List.of("lead"), Map.of("firstName", "Ann"), null, null);
    return new ForecastPlan(new Audience(null, null, null, audience), SIGNUP,
        List.of(new ForecastEvent(OPENED_AFTER, "email_opened", 0.3, null)), START, HORIZON, 7L);
  }

  /**
   * The baseline: the same contact's run on the app's own engine and database, as the engine tests
   * drive it. The job executor is paused meanwhile, as it would otherwise race this thread for the
   * jobs the moved clock makes due; the outbox dispatcher keeps running.
   */
  private static List<Double> realEngine(ConfigurableApplicationContext app) {
    var engine = app.getBean(ProcessEngine.class);
    var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.shutdown();
    try {
      return timed(REAL_WARM_UPS, REAL_RUNS, run -> realRun(app, "bench-real-" + run));
    } finally {
      ClockUtil.reset();
      jobExecutor.start();
    }
  }

  /** Runs the contact's welcome series to its end, as the sole driver of the engine's clock and jobs. */
  private static void realRun(ConfigurableApplicationContext app, String contactId) {
    var intake = app.getBean(EventIntake.class);
    var runtime = app.getBean(RuntimeService.class);
    var management = app.getBean(ManagementService.class);
    var start = START.toInstant();
    var openAt = start.plus(OPENED_AFTER);
    var horizon = start.plus(HORIZON);
    ClockUtil.setCurrentTime(Date.from(start));
    app.getBean(Contacts.class).insert(Contact.create(contactId, start).withEmail(contactId + "@example.com"));
    var started = intake.accept(new NewEvent(contactId, SIGNUP.type(), SIGNUP.properties(), start, null)).started();
    var run = started.get(0).processInstanceId();
    var opened = false;
    while (true) {
      EngineJobs.runDue(management, run);
      if (runtime.createProcessInstanceQuery().processInstanceId(run).singleResult() == null) {
        return;
      }
      var timers = management.createJobQuery().processInstanceId(run).timers().orderByJobDuedate().asc()
          .listPage(0, 1);
      var next = timers.isEmpty() ? null : timers.get(0).getDuedate().toInstant();
      if (!opened && (next == null || openAt.isBefore(next))) {
        next = openAt;
      }
      if (next == null || next.isAfter(horizon)) {
        throw new IllegalStateException("The real run " + run + " is still in " + JOURNEY + " at the horizon: "
            + runtime.getActiveActivityIds(run));
      }
      ClockUtil.setCurrentTime(Date.from(next));
      if (!opened && !next.isBefore(openAt)) {
        intake.accept(new NewEvent(contactId, "email_opened", Map.of(), next, null));
        opened = true;
      }
    }
  }

  private static List<Double> timed(int warmUps, int runs, IntConsumer call) {
    for (int run = 0; run < warmUps; run++) {
      call.accept(run);
    }
    var times = new ArrayList<Double>();
    for (int run = warmUps; run < warmUps + runs; run++) {
      var index = run;
      times.add(millis(() -> call.accept(index)));
    }
    times.sort(null);
    return times;
  }

  private static double millis(Runnable call) {
    var began = System.nanoTime();
    call.run();
    return (System.nanoTime() - began) / 1e6;
  }

  /** Nearest rank. */
  private static double percentile(List<Double> sorted, int percent) {
    return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }
}
