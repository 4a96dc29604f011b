package io.itinera.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.itinera.ItineraApplication;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.content.ContentStep;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.Pacing;
import io.itinera.email.EmailProperties;
import io.itinera.email.EmailQueue;
import io.itinera.email.EmailStep;
import io.itinera.email.OutboxDispatcher;
import io.itinera.template.EmailTemplates;
import io.itinera.template.RenderedEmail;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email pipeline's rates on this machine: templates rendered per second; emails queued per
 * second (check, render, insert into the outbox); and emails dispatched per second from the outbox
 * to a local SMTP server (GreenMail on 127.0.0.1), against the baseline of sending the same welcome
 * email, ready-made, as often over as many raw SMTP connections in the same run. After a warm-up of
 * both sides, the two take turns for a number of rounds (the fourth argument, 3 by default) with the same
 * recipients, and the medians are compared: on a shared two-core machine one round of each swings by a third.
 *
 * <p>Run with {@code bench/run.sh email postgres}.
 */
public final class EmailBenchmark {

  private EmailBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    var databaseUrl = args.length > 0 ? args[0] : "jdbc:h2:mem:itinera-email-bench;DB_CLOSE_DELAY=-1";
    var databaseUser = args.length > 1 ? args[1] : "sa";
    var count = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    var rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

    // A plain SMTP server on loopback, as production has one: the app's mail sink keeps each message on disk.
    var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0",
        "--ITINERA_DB_URL=" + databaseUrl,
        "--ITINERA_DB_USER=" + databaseUser,
        "--ITINERA_ADMIN_PASSWORD=benchmark",
        "--ITINERA_API_KEYS=benchmark-key",
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--itinera.push.vapid.generate=true",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--itinera.email.dispatch.enabled=false",
        "--itinera.email.dispatch.batch-size=100",
        "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN");
    try (app) {
      var templates = app.getBean(EmailTemplates.class);
      var contacts = app.getBean(Contacts.class);
      var queue = app.getBean(EmailQueue.class);
      var dispatcher = app.getBean(OutboxDispatcher.class);
      var transaction = app.getBean(TransactionTemplate.class);
      var mail = app.getBean(JavaMailSenderImpl.class);

      var model = Map.<String, Object>of(
          "contact", Map.of("id", "bench", "email", "bench@example.com", "firstName", "Ann", "attributes", Map.of()),
          "event", Map.of(), "vars", Map.of(), "unsubscribeUrl", "https://itinera.example/u/token");
      rendered(templates, model, count / 4);
      var renderRate = rendered(templates, model, count * 5);

      var run = UUID.randomUUID().toString().substring(0, 8);
      var contactIds = new ArrayList<String>();
      transaction.executeWithoutResult(status -> {
        for (int i = 0; i < count; i++) {
          var contact = Contact.create("bench-" + run + "-" + i, Instant.now());
          contacts.insert(contact.withEmail(contact.id() + "@example.com"));
          contactIds.add(contact.id());
        }
      });
      var connections = app.getBean(EmailProperties.class).dispatch().connections();
      // The same welcome email, so that the server has as much to read on both sides.
      var email = templates.render("welcome", model);

      // Both sides once with a tenth, so that neither pays for compiling the MIME and SMTP code the other then uses.
      var warmUp = Math.max(50, count / 10);
      queued(queue, transaction, contactIds.subList(0, warmUp), "warm");
      dispatcher.drain();
      rawSmtp(mail, email, warmUp, connections);
      smtp.purgeEmailFromAllMailboxes();

      System.out.printf(Locale.ROOT, "%s, %d emails per round, %d rounds taking turns (after a warm-up of %d),"
              + " %d SMTP connections%n", databaseUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", count, rounds,
          warmUp, connections);
      System.out.printf(Locale.ROOT, "templates rendered: %.0f/s (welcome: subject, HTML with layout, text)%n",
          renderRate);
      var dispatchRates = new double[rounds];
      var rawRates = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        var queueStart = System.nanoTime();
        queued(queue, transaction, contactIds, "round-" + round);
        var queueRate = count / seconds(queueStart);
        var dispatchStart = System.nanoTime();
        dispatcher.drain();
        dispatchRates[round] = count / seconds(dispatchStart);
        rawRates[round] = rawSmtp(mail, email, count, connections);
        // The same recipients each round: the server's mailboxes stay as many, their messages are dropped.
        smtp.purgeEmailFromAllMailboxes();
        System.out.printf(Locale.ROOT, "round %d: queued (checks, render, tracking links, outbox insert) %.0f/s;"
                + " dispatched from the outbox %.0f/s; the same email ready-made over raw SMTP %.0f/s; ratio %.2f%n",
            round + 1, queueRate, dispatchRates[round], rawRates[round], dispatchRates[round] / rawRates[round]);
      }
      System.out.printf(Locale.ROOT, "emails dispatched from the outbox over %d SMTP connections, median: %.0f/s%n",
          connections, Benchmarks.median(dispatchRates));
      System.out.printf(Locale.ROOT, "baseline, the same welcome email ready-made, as often, over %d raw SMTP"
          + " connections, median: %.0f/s%n", connections, Benchmarks.median(rawRates));
      System.out.printf(Locale.ROOT, "ratio dispatch / raw SMTP (medians): %.2f%n",
          Benchmarks.median(dispatchRates) / Benchmarks.median(rawRates));
    } finally {
      smtp.stop();
    }
  }

  /** Queues the welcome email for each contact, 100 to a transaction, as the send step would. */
  private static void queued(EmailQueue queue, TransactionTemplate transaction, List<String> contactIds,
      String round) {
    for (int i = 0; i < contactIds.size(); i += 100) {
      var batch = contactIds.subList(i, Math.min(i + 100, contactIds.size()));
      transaction.executeWithoutResult(status -> batch.forEach(contactId -> queue.queue(new EmailStep(contactId,
          "bench", null, "welcome", MessageCategory.TRANSACTIONAL, null, null, null, Pacing.SKIP, "Task_Bench",
          "bench:" + round + ":" + contactId, ContentStep.FIXED), Map.of())));
    }
  }

  private static double rendered(EmailTemplates templates, Map<String, Object> model, int count) {
    var start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      templates.render("welcome", model);
    }
    return count / seconds(start);
  }

  /** Ready-made messages over as many connections as the dispatcher uses, no database: what the server allows. */
  private static double rawSmtp(JavaMailSenderImpl mail, RenderedEmail email, int count, int connections)
      throws Exception {
    var messages = new MimeMessage[count];
    for (int i = 0; i < count; i++) {
      messages[i] = mail.createMimeMessage();
      var helper = new MimeMessageHelper(messages[i], true, "UTF-8");
      helper.setFrom("hello@itinera.example");
      helper.setTo("raw-" + i + "@example.com");
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      messages[i].saveChanges();
    }
    var senders = new ArrayList<Callable<Void>>();
    for (int connection = 0; connection < connections; connection++) {
      var first = connection;
      senders.add(() -> {
        try (Transport transport = mail.getSession().getTransport("smtp")) {
          transport.connect(mail.getHost(), mail.getPort(), null, null);
          for (int i = first; i < count; i += connections) {
            transport.sendMessage(messages[i], messages[i].getAllRecipients());
          }
        }
        return null;
      });
    }
    var pool = Executors.newFixedThreadPool(connections);
    try {
      var start = System.nanoTime();
      for (var sent : pool.invokeAll(senders)) {
        sent.get();
      }
      return count / seconds(start);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
