package io.itinera.benchmark;

import io.itinera.ItineraApplication;
import io.itinera.analytics.JourneyAnalytics;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code GET /api/journeys/{key}/stats} costs on a journey with many runs: enrols that many
 * inactive contacts into win-back through its scheduler (page by page, as in production), then times
 * the statistics against the baseline of the engine counting the journey's runs in its history.
 *
 * <p>Run with {@code bench/run.sh journey-stats postgres 20000}.
 */
public final class JourneyStatsBenchmark {

  private JourneyStatsBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    var databaseUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:itinera-stats-bench;DB_CLOSE_DELAY=-1";
    var databaseUser = args.length > 1 ? args[1] : "sa";
    var runs = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;

    var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=" + databaseUrl, "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark", "--ITINERA_API_KEYS=benchmark-key",
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--itinera.push.vapid.generate=true",
        "--itinera.mail-sink.smtp-port=0",
        "--itinera.email.dispatch.enabled=false", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN");
    try (app) {
      var jdbc = app.getBean(JdbcClient.class);
      var runtime = app.getBean(RuntimeService.class);
      var management = app.getBean(ManagementService.class);
      var history = app.getBean(HistoryService.class);
      var analytics = app.getBean(JourneyAnalytics.class);

      var prefix = "stats-" + UUID.randomUUID().toString().substring(0, 8) + "-";
      var longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(60);
      for (int from = 0; from < runs; from += 1000) {
        var sql = new StringBuilder("INSERT INTO contact (id, email, timezone, attributes, engagement_score,"
            + " created_at, updated_at) VALUES ");
        var params = new ArrayList<Object>();
        for (int i = from; i < Math.min(from + 1000, runs); i++) {
          sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, 'UTC', '{}', 0, ?, ?)");
          params.addAll(List.of(prefix + i, prefix + i + "@example.com", longAgo, longAgo));
        }
        jdbc.sql(sql.toString()).params(params).update();
      }
      var enrolStart = System.nanoTime();
      var timer = management.createJobQuery().processDefinitionKey("win-back").activityId("Timer_Daily")
          .singleResult();
      management.executeJob(timer.getId());
      for (var job = management.createJobQuery().processDefinitionKey("win-back").activityId("Task_EnrolInactive")
          .singleResult(); job != null; job = management.createJobQuery().processDefinitionKey("win-back")
          .activityId("Task_EnrolInactive").singleResult()) {
        management.executeJob(job.getId());
      }
      var enrolSeconds = (System.nanoTime() - enrolStart) / 1e9;
      var active = runtime.createProcessInstanceQuery().processDefinitionKey("win-back").count();

      for (int warm = 0; warm < 5; warm++) {
        analytics.stats("win-back");
        history.createHistoricProcessInstanceQuery().processDefinitionKey("win-back").count();
      }
      var statsMillis = timeMillis(() -> analytics.stats("win-back"));
      var countMillis = timeMillis(() -> history.createHistoricProcessInstanceQuery()
          .processDefinitionKey("win-back").count());

      System.out.printf(Locale.ROOT, "%s: %d win-back runs enrolled by the scheduler in %.1f s (%.0f runs/s)%n",
          databaseUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", active, enrolSeconds, active / enrolSeconds);
      System.out.printf(Locale.ROOT, "journey stats: %.1f ms per call (median of 11)%n", statsMillis);
      System.out.printf(Locale.ROOT, "baseline, the engine counting the journey's runs in its history: %.1f ms%n",
          countMillis);
      System.out.printf(Locale.ROOT, "ratio stats / baseline: %.1f%n", statsMillis / countMillis);
    }
  }

  private static double timeMillis(Runnable call) {
    var times = new ArrayList<Double>();
    for (int i = 0; i < 11; i++) {
      var start = System.nanoTime();
      call.run();
      times.add((System.nanoTime() - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }
}
