package io.itinera.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes on one database, as design.md's scale-out promises: the packaged app's context started
 * twice in-process on the same database (own ports, both with the job executor and the outbox
 * dispatcher on), sending to one GreenMail on 127.0.0.1. N existing contacts sign up through one
 * node's batch API; then the second node starts and N more sign up, split across both nodes' batch
 * APIs (2 client threads per node). Each phase runs after a warm-up round and is timed from its first
 * request to its last welcome email.
 *
 * <p>Then it proves that no work was done twice: every contact received exactly one welcome email
 * (counted per recipient as GreenMail accepts it), the outbox holds one welcome message per contact,
 * each run passed its Send welcome email step once and each of those jobs succeeded once, and no
 * incident is left. Failed job attempts (optimistic-locking failures among them, which the engine
 * retries) and job acquisitions that lost a race to the other node are counted and shown.
 *
 * <p>Both nodes share this JVM and the machine's cores: the figures show what a second node costs or
 * brings on the same hardware, not what a second machine would add. Run with
 * {@code bench/two-nodes.sh [h2|postgres] [count]}.
 */
@Tag("benchmark")
class TwoNodeBenchmark {

  private static final int THREADS_PER_NODE = 2;
  private static final String STEP = "Task_SendWelcomeEmail";

  @Test
  void sharesTheWorkWithoutDoingAnyTwice() throws Exception {
    var databaseUrl = Benchmarks.databaseUrl("itinera-two-nodes-bench");
    var count = Benchmarks.count(2000);
    var warmUp = Math.max(50, count / 10);

    var inbox = new Inbox();
    var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    var users = smtp.getUserManager();
    var delivery = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler((message, recipient) -> {
      var user = delivery.handle(message, recipient);
      inbox.received(recipient.getEmail());
      return user;
    });
    var pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
    var nodes = new ArrayList<ConfigurableApplicationContext>();
    try {
      nodes.add(node(databaseUrl, smtp));
      round(nodes, pool, inbox, "one-warm", warmUp);
      var one = round(nodes, pool, inbox, "one", count);
      nodes.add(node(databaseUrl, smtp));
      round(nodes, pool, inbox, "two-warm", warmUp);
      var two = round(nodes, pool, inbox, "two", count);

      var first = nodes.get(0);
      System.out.printf(Locale.ROOT, "%n%s, %d contacts per phase (after a warm-up of %d), batches of %d,"
              + " %d client threads per node, job executor %s threads per node, pool %s connections per node%n",
          Benchmarks.databaseName(databaseUrl), count, warmUp, SignupBatches.SIZE, THREADS_PER_NODE,
          first.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size"),
          first.getBean(HikariDataSource.class).getMaximumPoolSize());
      System.out.println("one node:  " + one);
      System.out.println("two nodes: " + two);
      System.out.printf(Locale.ROOT, "HEADLINE two nodes / one node: intake %.2f, emails/s %.2f, end to end %.2f%n",
          two.intake() / one.intake(), two.emailRate() / one.emailRate(), two.endToEndRate() / one.endToEndRate());
      var prefixes = List.of("one-warm", "one", "two-warm", "two");
      var contacts = 2 * (count + warmUp);
      System.out.println("no duplicate work, " + contacts + " contacts: " + duplicates(nodes, inbox, prefixes, contacts));
    } finally {
      for (int node = nodes.size() - 1; node >= 0; node--) {
        nodes.get(node).close();
      }
      pool.shutdownNow();
      smtp.stop();
    }
  }

  /** One node of the pair: everything that runs in production on, its own port, data directory and mail sink port. */
  private static ConfigurableApplicationContext node(String databaseUrl, GreenMail smtp) throws Exception {
    return Benchmarks.startApp(databaseUrl, Benchmarks.databaseUser(),
        "--ITINERA_DATA_DIR=" + Files.createTempDirectory("itinera-two-nodes-bench"),
        "--itinera.mail-sink.smtp-port=0",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort());
  }

  /** Creates the round's contacts, then times their signups, split across the nodes, to the last welcome email. */
  private static Round round(List<ConfigurableApplicationContext> nodes, ExecutorService pool,
      Inbox inbox, String prefix, int count) throws Exception {
    var app = nodes.get(0);
    var contacts = app.getBean(Contacts.class);
    var transaction = app.getBean(TransactionTemplate.class);
    var created = Instant.now();
    for (int chunk = 0; chunk * 500 < count; chunk++) {
      var from = chunk * 500;
      transaction.executeWithoutResult(status -> {
        for (int index = from; index < count && index < from + 500; index++) {
          var id = SignupBatches.contactId(prefix, index);
          contacts.insert(Contact.create(id, created).withEmail(id + "@example.com"));
        }
      });
    }
    var apis = nodes.stream().map(node -> new SignupBatches(Benchmarks.port(node))).toList();
    var before = inbox.total();
    var began = System.nanoTime();
    var intake = Benchmarks.measureBatches(pool, THREADS_PER_NODE * nodes.size(), apis, prefix, count);
    var times = inbox.await(before, before + count).stream().mapToLong(Delivery::nanoTime).summaryStatistics();
    return new Round(count, intake, count / ((times.getMax() - times.getMin()) / 1e9), (times.getMax() - began) / 1e9);
  }

  /** Everything that would show a step, a job or an email done twice, read from both nodes' shared database. */
  private static String duplicates(List<ConfigurableApplicationContext> nodes, Inbox inbox, List<String> prefixes,
      int contacts) {
    var engine = nodes.get(0).getBean(ProcessEngine.class);
    var history = engine.getHistoryService();
    var jdbc = new JdbcTemplate(nodes.get(0).getBean(DataSource.class));

    var perRecipient = inbox.perRecipient();
    var emailsPerContact = perRecipient.values().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    var outboxPerContact = jdbc.queryForList("select count(*) from email_message where contact_id like 'bench-%' "
            + "group by contact_id", Integer.class).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    var stepsPerRun = history.createHistoricActivityInstanceQuery().activityId(STEP).list().stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId, Collectors.counting()));
    var successesPerJob = history.createHistoricJobLogQuery().successLog().activityIdIn(STEP).list().stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    var failures = history.createHistoricJobLogQuery().failureLog().list();
    var optimisticLocking = failures.stream()
        .filter(failure -> String.valueOf(failure.getJobExceptionMessage()).contains("OptimisticLocking")).count();
    var incidents = engine.getRuntimeService().createIncidentQuery().count();
    var lostAcquisitionRaces = nodes.stream().mapToLong(node -> meter(node, "job-acquired-failure")).sum();

    var problems = new ArrayList<String>();
    expect(problems, "recipients", perRecipient.size(), contacts);
    expect(problems, "recipients with one email", emailsPerContact.getOrDefault(1L, 0L), contacts);
    expect(problems, "contacts with one outbox message", outboxPerContact.getOrDefault(1, 0L), contacts);
    expect(problems, "runs through " + STEP + " once", countOfOnes(stepsPerRun), contacts);
    expect(problems, STEP + " jobs that succeeded once", countOfOnes(successesPerJob), contacts);
    expect(problems, "incidents", incidents, 0);
    var summary = String.format(Locale.ROOT, "emails per recipient %s, outbox messages per contact %s, %s per run %s,"
            + " successes per job %s; %d failed jobs (%d optimistic-locking), %d incidents;"
            + " %d job acquisitions lost to the other node (harmless)",
        emailsPerContact, outboxPerContact, STEP, histogram(stepsPerRun), histogram(successesPerJob), failures.size(),
        optimisticLocking, incidents, lostAcquisitionRaces);
    if (!problems.isEmpty()) {
      throw new AssertionError("Work done twice or lost: " + problems + "; " + summary);
    }
    return summary;
  }

  private static void expect(List<String> problems, String what, long actual, long expected) {
    if (actual != expected) {
      problems.add(what + " " + actual + " (expected " + expected + ")");
    }
  }

  private static long countOfOnes(Map<String, Long> counts) {
    return counts.values().stream().filter(each -> each == 1).count();
  }

  private static Map<Long, Long> histogram(Map<String, Long> counts) {
    return counts.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** Camunda's in-memory meter of one node since its last report to the database. */
  private static long meter(ConfigurableApplicationContext node, String name) {
    var configuration = (ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    var registry = configuration.getMetricsRegistry();
    return registry == null || registry.getDbMeters().get(name) == null ? 0 : registry.getDbMeters().get(name).get();
  }

  /** One phase: intake events/s, welcome emails/s (first to last delivered), first request to last email. */
  private record Round(int count, double intake, double emailRate, double endToEndSeconds) {

    double endToEndRate() {
      return count / endToEndSeconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "intake %.0f events/s, emails %.0f/s, end to end %.1f s = %.0f signups/s",
          intake, emailRate, endToEndSeconds, endToEndRate());
    }
  }

  /** Welcome emails in the order GreenMail accepted them, each with its recipient and when it arrived. */
  private static final class Inbox {
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    void received(String recipient) {
      deliveries.add(new Delivery(recipient, System.nanoTime()));
    }

    int total() {
      return deliveries.size();
    }

    /** The deliveries from number {@code from} on, once there are {@code expected}; polling adds no error to their times. */
    List<Delivery> await(int from, int expected) throws InterruptedException {
      var deadline = System.nanoTime() + (120 + (expected - from) / 5L) * 1_000_000_000L;
      while (total() < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Only " + total() + " of " + expected + " welcome emails arrived in time");
        }
        Thread.sleep(10);
      }
      return deliveries.stream().skip(from).toList();
    }

    Map<String, Long> perRecipient() {
      return deliveries.stream().collect(Collectors.groupingBy(Delivery::recipient, Collectors.counting()));
    }
  }

  private record Delivery(String recipient, long nanoTime) {
  }
}
