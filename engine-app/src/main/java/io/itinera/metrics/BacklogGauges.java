package io.itinera.metrics;

import io.itinera.email.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.springframework.stereotype.Component;

/**
 * Work waiting on this cluster, read at each scrape with one cheap query per gauge: the outbox
 * (messages waiting, how long the oldest due one has waited), the engine's jobs (executable ones,
 * due ones no job executor has taken, how late the oldest due one is) and open incidents. The
 * counts are the whole database's, whatever user scrapes: the engine's authorization checks are
 * lifted for these queries.
 */
@Component
class BacklogGauges implements MeterBinder {

  private final Outbox outbox;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Clock clock;

  BacklogGauges(Outbox outbox, ManagementService management, RuntimeService runtime, IdentityService identity,
      Clock clock) {
    this.outbox = outbox;
    this.management = management;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("itinera.outbox.waiting", () -> outbox.backlog(clock.instant()).waiting())
        .description("Emails queued or being sent, due or not").register(registry);
    TimeGauge.builder("itinera.outbox.oldest.due.age", () -> secondsSince(outbox.backlog(clock.instant()).oldestDue()),
            TimeUnit.SECONDS)
        .description("How long the longest-waiting due email has been due; 0 when none is due").register(registry);
    Gauge.builder("itinera.jobs.executable", () -> unrestricted(() -> management.createJobQuery().executable().count()))
        .description("Engine jobs that may run now: due, retries left, not suspended").register(registry);
    Gauge.builder("itinera.jobs.due.waiting",
            () -> unrestricted(() -> due().count() - due().acquired().count()))
        .description("Due engine jobs (timers, retries) no job executor has taken yet").register(registry);
    TimeGauge.builder("itinera.jobs.due.lateness", () -> unrestricted(this::oldestDueLateness), TimeUnit.SECONDS)
        .description("How long past its due date the oldest due job still waiting or running is: timers"
            + " firing late").register(registry);
    Gauge.builder("itinera.incidents.open", () -> unrestricted(() -> runtime.createIncidentQuery().count()))
        .description("Open incidents: failed steps waiting for someone in Cockpit").register(registry);
  }

  /** Executable jobs due before now, running ones included: the engine's API does not expose a job's lock. */
  private JobQuery due() {
    return management.createJobQuery().executable().duedateLowerThan(Date.from(clock.instant()));
  }

  private double oldestDueLateness() {
    var oldest = due().orderByJobDuedate().asc().listPage(0, 1);
    return oldest.isEmpty() ? 0 : secondsSince(oldest.get(0).getDuedate().toInstant());
  }

  private double secondsSince(Instant then) {
    return then == null ? 0 : Math.max(0, Duration.between(then, clock.instant()).toMillis() / 1000.0);
  }

  /** Runs a query as the system rather than as the user whose scrape request this thread serves. */
  private double unrestricted(Supplier<Number> query) {
    var user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get().doubleValue();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
