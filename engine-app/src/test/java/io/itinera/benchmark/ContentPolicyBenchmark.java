package io.itinera.benchmark;

import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.content.ContentFeatures;
import io.itinera.content.ContentPolicy;
import io.itinera.content.ContentReports;
import io.itinera.content.ContentRewards;
import io.itinera.content.ContentSelection;
import io.itinera.content.ContentStep;
import io.itinera.content.Posterior;
import io.itinera.content.RewardKind;
import io.itinera.content.Selection;
import io.itinera.content.VariantState;
import io.itinera.template.EmailTemplates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offline evaluation of predictive content: a synthetic population whose taste depends on its features
 * (customers click the discount, prospects the guide, leads a customer story; engagement and the hour of the
 * send move every rate), {@code count} sends (default 10,000) of the bench-offer template through the app's
 * real selection, tracking rewards and settling (windows closing every 100 sends, as the background job would),
 * on the app's database. Compares the cumulative expected clicks of the policy (its random share included)
 * with uniform random choice, the best single variant and an oracle that knows every true rate, all on the
 * same sequence of contacts and send times. Then times a choice (database included, and the policy alone in
 * memory) against rendering the template.
 *
 * <p>Run with {@code bench/run.sh content [h2|postgres] [count]}: a JUnit run of this tagged test.
 */
@Tag("benchmark")
class ContentPolicyBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ContentPolicyBenchmark.class);
  private static final String TEMPLATE = "bench-offer";
  private static final List<String> VARIANTS = List.of("guide", "discount", "story");
  private static final List<String> STAGES = List.of("customer", "prospect", "lead");
  private static final int CONTACTS = 1000;
  private static final int SETTLE_EVERY = 100;
  private static final ContentStep STEP = new ContentStep(Selection.PREDICTED, RewardKind.CLICK, Duration.ofHours(1));

  @Test
  void comparesThePolicyWithRandomTheBestSingleVariantAndAnOracle() throws Exception {
    var count = Benchmarks.count(10_000);
    var url = Benchmarks.databaseUrl("itinera-content-bench");
    var app = Benchmarks.startApp(url, Benchmarks.databaseUser(), "--itinera.mail-sink.smtp-port=0",
        "--itinera.email.dispatch.enabled=false", "--itinera.sms.dispatch.enabled=false",
        // The benchmark settles as the background job would, when its clock says windows have closed.
        "--itinera.content.settle.enabled=false", "--camunda.bpm.job-execution.enabled=false");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T06:00:00Z")));
    try (app) {
      var selection = app.getBean(ContentSelection.class);
      var rewards = app.getBean(ContentRewards.class);
      var transaction = app.getBean(TransactionTemplate.class);
      var features = app.getBean(ContentFeatures.class);
      var world = new Random(14);
      var population = population(app.getBean(Contacts.class), world);

      double policy = 0;
      double uniform = 0;
      double oracle = 0;
      var single = new double[VARIANTS.size()];
      var clicks = 0;
      var choosing = 0L;
      var tenths = new ArrayList<String>();
      for (int send = 1; send <= count; send++) {
        var contact = population.get(world.nextInt(population.size()));
        var now = ClockUtil.getCurrentTime().toInstant();
        var rates = VARIANTS.stream().mapToDouble(variant -> trueRate(contact, variant, now)).toArray();
        var id = UUID.randomUUID().toString();
        var started = System.nanoTime();
        var variant = transaction.execute(status ->
            selection.choose(TEMPLATE, STEP, contact, id, null, now)).get("cta");
        choosing += System.nanoTime() - started;
        var rate = rates[VARIANTS.indexOf(variant)];
        policy += rate;
        oracle += max(rates);
        for (int v = 0; v < rates.length; v++) {
          uniform += rates[v] / rates.length;
          single[v] += rates[v];
        }
        if (world.nextDouble() < rate) {
          clicks++;
          rewards.clicked(id);
        }
        if (send % SETTLE_EVERY == 0) {
          // Sends spread over the day, a window closing every 100: the non-clicks feed in as zeros.
          ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(61))));
          while (rewards.settleDue() > 0) {
            // until every ended window is settled
          }
          rewards.refreshExclusions();
        }
        if (send % (count / 10) == 0) {
          tenths.add(String.format(Locale.ROOT, "%d: policy %.0f, uniform %.0f, best single %.0f, oracle %.0f", send,
              policy, uniform, max(single), oracle));
        }
      }
      var best = 0;
      for (int v = 1; v < single.length; v++) {
        best = single[v] > single[best] ? v : best;
      }
      log.warn("Content policy over {} sends ({} contacts, windows closing every {} sends), cumulative expected"
              + " clicks: policy {} ({} clicks drawn), uniform random {}, best single variant ({}) {}, oracle {};"
              + " policy / best single = {}, policy regret against the oracle {}%",
          count, CONTACTS, SETTLE_EVERY, round(policy), clicks, round(uniform), VARIANTS.get(best),
          round(single[best]), round(oracle), String.format(Locale.ROOT, "%.2f", policy / single[best]),
          String.format(Locale.ROOT, "%.1f", 100 * (oracle - policy) / oracle));
      tenths.forEach(line -> log.warn("  after {}", line));
      log.warn("Report: {}", app.getBean(ContentReports.class).of(TEMPLATE).orElseThrow());

      var choicesPerSecond = count / (choosing / 1e9);
      var templates = app.getBean(EmailTemplates.class);
      var model = Map.<String, Object>of("unsubscribeUrl", "https://itinera.example/u/bench",
          "contact", Map.of("firstName", "Ann"));
      var renders = 2000;
      var renderStart = System.nanoTime();
      for (int i = 0; i < renders; i++) {
        templates.render(TEMPLATE, model, Map.of("cta", VARIANTS.get(i % VARIANTS.size())));
      }
      var rendersPerSecond = renders / ((System.nanoTime() - renderStart) / 1e9);
      var inMemory = inMemoryChoicesPerSecond(features.of(population.get(0), Instant.now()));
      log.warn("Speed: {} choices/s with the database (read posteriors, draw, record the choice, one transaction"
              + " each); {} choices/s for the policy alone in memory; {} renders/s of the template with its chosen"
              + " variant", round(choicesPerSecond), round(inMemory), round(rendersPerSecond));
    } finally {
      ClockUtil.reset();
    }
  }

  /** Contacts spread over the stages, engagement, purchases and time zones. */
  private static List<Contact> population(Contacts contacts, Random world) {
    var prefix = "content-bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    var zones = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));
    var created = Instant.parse("2026-01-01T00:00:00Z");
    var population = new ArrayList<Contact>();
    for (int i = 0; i < CONTACTS; i++) {
      var stage = STAGES.get(world.nextInt(STAGES.size()));
      var purchases = stage.equals("customer") ? 1 + world.nextInt(10) : 0;
      var contact = new Contact(prefix + i, prefix + i + "@example.com", null, zones.get(world.nextInt(zones.size())),
          "en", stage, Map.of("purchases", purchases, "averageOrderValue", purchases == 0 ? 0 : 20 + world.nextInt(200)),
          world.nextDouble() * 100, created, created.plus(Duration.ofDays(world.nextInt(60))), null, created, created);
      contacts.insert(contact);
      population.add(contact);
    }
    return population;
  }

  /**
   * The click rate the synthetic world gives a variant: by stage, raised by engagement, lower at night in the
   * contact's zone.
   */
  private static double trueRate(Contact contact, String variant, Instant at) {
    Map<String, Double> rates = switch (contact.lifecycleStage()) {
      case "customer" -> Map.of("discount", 0.12, "guide", 0.03, "story", 0.05);
      case "prospect" -> Map.of("discount", 0.03, "guide", 0.10, "story", 0.05);
      default -> Map.of("discount", 0.02, "guide", 0.05, "story", 0.08);
    };
    var base = rates.get(variant);
    var hour = at.atZone(contact.timezone()).getHour();
    var daytime = hour >= 8 && hour < 22 ? 1.0 : 0.6;
    return base * (0.6 + 0.8 * contact.engagementScore() / 100) * daytime;
  }

  /** The policy alone, three variants with learnt-looking posteriors, no database. */
  private static double inMemoryChoicesPerSecond(double[] x) {
    var policy = new ContentPolicy(0.1, new JDKRandomGenerator(1));
    var states = new ArrayList<VariantState>();
    for (var variant : VARIANTS) {
      var posterior = Posterior.prior(x.length, 1);
      var random = new Random(variant.hashCode());
      for (int i = 0; i < 200; i++) {
        posterior = posterior.update(x, random.nextDouble() < 0.1 ? 1 : 0);
      }
      states.add(new VariantState(variant, posterior, 200, false));
    }
    var choices = 100_000;
    var start = System.nanoTime();
    for (int i = 0; i < choices; i++) {
      policy.choose(Selection.PREDICTED, states, x);
    }
    return choices / ((System.nanoTime() - start) / 1e9);
  }

  private static double max(double[] values) {
    var max = values[0];
    for (var value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  private static long round(double value) {
    return Math.round(value);
  }
}
