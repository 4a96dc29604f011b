package io.itinera.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementProperties;
import io.itinera.contact.EngagementScoring;
import io.itinera.database.InsertIfAbsent;
import io.itinera.journey.EnrolmentStatus;
import io.itinera.journey.JourneyEnrolments;
import io.itinera.template.EmailTemplates;
import io.itinera.template.TemplateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The policy on synthetic contacts whose taste depends on their features: customers click the discount,
 * prospects the guide. Real templates, a real (H2) database and the real reward path; only the clicks are
 * simulated.
 */
class ContentPolicyTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final ContentStep PREDICTED = new ContentStep(Selection.PREDICTED, RewardKind.CLICK, Duration.ofHours(1));
  private static final Map<String, String> LIKES = Map.of("customer", "discount", "prospect", "guide");
  private static final double LIKED_RATE = 0.35;
  private static final double OTHER_RATE = 0.03;

  @TempDir
  Path templateDirectory;

  private final Random world = new Random(14);
  private final MovableClock clock = new MovableClock();
  private DataSource dataSource;
  private EmailTemplates templates;
  private ContentSelection selection;
  private ContentRewards rewards;
  private ContentReports reports;

  @BeforeEach
  void freshDatabaseAndTemplate() throws IOException {
    dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).load().migrate();
    write("offer.subject.txt", "An offer");
    write("offer.html", "<p th:utext=\"${blocks.cta}\"></p><a th:href=\"${unsubscribeUrl}\">Unsubscribe</a>");
    write("offer.cta.guide.html", "<a href=\"https://itinera.example/guide\">Read the guide</a>");
    write("offer.cta.discount.html", "<a href=\"https://itinera.example/shop\">Take 10% off</a>");
    write("offer.variants.yml", "cta:\n  guide: offer.cta.guide.html\n  discount: offer.cta.discount.html\n");
    templates = new EmailTemplates(new TemplateSettings(templateDirectory, "Itinera", "1 Example Street, Berlin"));
    var contacts = new Contacts(JdbcClient.create(dataSource), new ObjectMapper());
    for (var stage : LIKES.keySet()) {
      for (int i = 0; i < 20; i++) {
        contacts.insert(contact(stage, i));
      }
    }
    startNode();
  }

  @Test
  void learnsThatCustomersClickTheDiscountAndProspectsTheGuide() {
    send(800);

    var late = send(300);

    assertThat(late.share("customer", "discount")).isGreaterThan(0.8);
    assertThat(late.share("prospect", "guide")).isGreaterThan(0.8);
    var next = choose(contact("customer", 0));
    assertThat(next.get("discount")).isGreaterThan(next.get("guide"));
  }

  @Test
  void keepsTheRandomShareUniformOverEveryVariantEvenAnExcludedOne() {
    var policy = new ContentPolicy(0.1, new JDKRandomGenerator(1));
    var learnt = List.of(
        new VariantState("guide", Posterior.standardPrior(), 500, true),
        new VariantState("discount", Posterior.standardPrior(), 500, false));
    var x = features(contact("customer", 0));
    var modes = new EnumMap<ChoiceMode, Integer>(ChoiceMode.class);
    var exploredGuide = 0;
    var drawnGuide = 0;

    for (int i = 0; i < 10_000; i++) {
      var choice = policy.choose(Selection.PREDICTED, learnt, x);
      modes.merge(choice.mode(), 1, Integer::sum);
      if (choice.variant().equals("guide")) {
        if (choice.mode() == ChoiceMode.EXPLORE) {
          exploredGuide++;
        } else {
          drawnGuide++;
        }
      }
    }

    assertThat(modes.get(ChoiceMode.EXPLORE)).isBetween(900, 1100);
    assertThat((double) exploredGuide / modes.get(ChoiceMode.EXPLORE)).isBetween(0.45, 0.55);
    assertThat(drawnGuide).isZero();
  }

  @Test
  void choosesUniformlyAtColdStartAndSaysSo() {
    var counts = new HashMap<String, Integer>();
    for (int i = 0; i < 400; i++) {
      var id = UUID.randomUUID().toString();
      var contact = contact("customer", i % 20);
      var chosen = inTransaction(() -> selection.choose("offer", PREDICTED, contact, id, null, clock.instant()));
      counts.merge(chosen.get("cta"), 1, Integer::sum);
    }

    // 400 fair coin flips: 200 +- 40 is beyond four standard deviations.
    assertThat(counts.get("guide")).isBetween(160, 240);
    var report = reports.of("offer").orElseThrow();
    assertThat(report.slots()).singleElement().satisfies(slot -> {
      assertThat(slot.coldStart()).isTrue();
      assertThat(slot.status()).startsWith("cold start");
      assertThat(slot.variants()).extracting(ContentReport.VariantReport::sends).containsExactly(
          (long) counts.get("guide"), (long) counts.get("discount"));
    });
  }

  @Test
  void keepsWhatItLearntAcrossARestart() {
    send(300);
    var before = choose(contact("prospect", 3));

    startNode();
    var after = choose(contact("prospect", 3));

    assertThat(after).isEqualTo(before);
    assertThat(after.get("guide")).isGreaterThan(after.get("discount"));
    assertThat(reports.of("offer").orElseThrow().slots().get(0).coldStart()).isFalse();
  }

  @Test
  void learnsEachRewardOnceEvenWhenTheClickComesTwiceOrAfterTheWindow() {
    var id = UUID.randomUUID().toString();
    inTransaction(() -> selection.choose("offer", PREDICTED, contact("customer", 1), id, null, clock.instant()));

    assertThat(rewards.clicked(id)).isEqualTo(1);
    assertThat(rewards.clicked(id)).isZero();
    clock.advance(Duration.ofHours(2));
    assertThat(rewards.settleDue()).isZero();

    var late = UUID.randomUUID().toString();
    inTransaction(() -> selection.choose("offer", PREDICTED, contact("customer", 1), late, null, clock.instant()));
    clock.advance(Duration.ofHours(2));
    assertThat(rewards.clicked(late)).isZero();
    assertThat(rewards.settleDue()).isEqualTo(1);
    var settled = reports.of("offer").orElseThrow().slots().get(0).variants().stream()
        .mapToLong(ContentReport.VariantReport::settled).sum();
    assertThat(settled).isEqualTo(2);
  }

  @Test
  void rewardsAGoalReachedWithinTheWindowAndCountsALaterOneAsNone() {
    var enrolments = new JourneyEnrolments(JdbcClient.create(dataSource));
    var goal = new ContentStep(Selection.PREDICTED, RewardKind.GOAL, Duration.ofHours(1));
    enrolments.enter("offers", "customer-1", "run-1", START, true);
    enrolments.enter("offers", "customer-2", "run-2", START, true);
    inTransaction(() -> selection.choose("offer", goal, contact("customer", 1), "message-1", "run-1", START));
    inTransaction(() -> selection.choose("offer", goal, contact("customer", 2), "message-2", "run-2", START));

    enrolments.exit("run-1", EnrolmentStatus.CONVERTED, START.plus(Duration.ofMinutes(30)), "purchase");
    assertThat(rewards.clicked("message-2")).as("a click is not the goal").isZero();
    assertThat(rewards.settleDue()).isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    enrolments.exit("run-2", EnrolmentStatus.CONVERTED, clock.instant(), "purchase");
    assertThat(rewards.settleDue()).isEqualTo(1);

    var variants = reports.of("offer").orElseThrow().slots().get(0).variants();
    assertThat(variants.stream().mapToLong(ContentReport.VariantReport::settled).sum()).isEqualTo(2);
    assertThat(variants.stream().mapToLong(ContentReport.VariantReport::rewards).sum()).isEqualTo(1);
  }

  @Test
  void stopsDrawingAConfidentlyWorseVariantButKeepsItInTheRandomShare() {
    startNode(new ContentProperties(0.1, 0.01, 10, 200));
    var choices = new ContentChoices(JdbcClient.create(dataSource), new ObjectMapper());
    for (int i = 0; i < 300; i++) {
      // Ids in sending order: choices made at one test-clock instant are settled in id order, and each update
      // moves the posterior from where the last one left it.
      var id = String.format("learn-%05d", i);
      var contact = contact(i % 2 == 0 ? "customer" : "prospect", i % 20);
      var variant = inTransaction(() -> selection.choose("offer", PREDICTED, contact, id, null, clock.instant()))
          .get("cta");
      if (variant.equals("discount")) {
        rewards.clicked(id);
      }
      if (i % 25 == 24) {
        clock.advance(Duration.ofMinutes(61));
        rewards.settleDue();
      }
    }

    rewards.refreshExclusions();

    assertThat(reports.of("offer").orElseThrow().slots().get(0).variants())
        .extracting(ContentReport.VariantReport::variant, ContentReport.VariantReport::excluded)
        .containsExactly(tuple("guide", true), tuple("discount", false));
    var guideModes = new EnumMap<ChoiceMode, Integer>(ChoiceMode.class);
    for (int i = 0; i < 400; i++) {
      var id = String.format("after-%05d", i);
      var contact = contact("prospect", i % 20);
      inTransaction(() -> selection.choose("offer", PREDICTED, contact, id, null, clock.instant()));
      var choice = choices.ofMessage(id).get(0);
      if (choice.variant().equals("guide")) {
        guideModes.merge(choice.mode(), 1, Integer::sum);
      }
    }
    assertThat(guideModes).containsOnlyKeys(ChoiceMode.EXPLORE);
  }

  /** Rewards settled at once on several connections (as on several nodes) all reach the one posterior. */
  @Test
  void learnsEveryRewardWhenManyArriveAtOnce() throws Exception {
    var fixed = new ContentStep(Selection.FIXED, RewardKind.CLICK, Duration.ofHours(1));
    var ids = new ArrayList<String>();
    for (int i = 0; i < 120; i++) {
      var id = UUID.randomUUID().toString();
      ids.add(id);
      inTransaction(() -> selection.choose("offer", fixed, contact("customer", 0), id, null, clock.instant()));
    }
    var pool = Executors.newFixedThreadPool(6);
    try {
      var clicks = new ArrayList<Future<Integer>>();
      ids.forEach(id -> clicks.add(pool.submit(() -> rewards.clicked(id))));
      for (var click : clicks) {
        assertThat(click.get()).isEqualTo(1);
      }
    } finally {
      pool.shutdown();
    }

    var guide = new ContentPosteriors(JdbcClient.create(dataSource), new InsertIfAbsent(JdbcClient.create(dataSource),
        dataSource), new ObjectMapper()).ofTemplate("offer").stream().filter(row -> row.variant().equals("guide"))
        .findFirst().orElseThrow();
    assertThat(guide.observations()).isEqualTo(120);
    assertThat(guide.rewards()).isEqualTo(120);
  }

  /** A new node on the same database: every object made afresh, nothing carried over but the tables. */
  private void startNode() {
    startNode(new ContentProperties(0.1, 0.01, 50, 200));
  }

  private void startNode(ContentProperties properties) {
    var jdbc = JdbcClient.create(dataSource);
    var json = new ObjectMapper();
    var posteriors = new ContentPosteriors(jdbc, new InsertIfAbsent(jdbc, dataSource), json);
    var choices = new ContentChoices(jdbc, json);
    var transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    // Seeded, as the world is: the same draws every run, so the thresholds below are not left to chance.
    selection = new ContentSelection(templates, new ContentFeatures(scoring()), posteriors, choices, properties,
        new JDKRandomGenerator(7));
    rewards = new ContentRewards(choices, posteriors, properties, transaction, clock, new JDKRandomGenerator(11));
    reports = new ContentReports(templates, choices, posteriors, properties);
  }

  /** Sends to random contacts, clicks as their taste says, settles each hour; what each stage was sent. */
  private Sent send(int count) {
    var sent = new Sent();
    for (int i = 0; i < count; i++) {
      var stage = world.nextBoolean() ? "customer" : "prospect";
      var contact = contact(stage, world.nextInt(20));
      var id = UUID.randomUUID().toString();
      var variant = inTransaction(() -> selection.choose("offer", PREDICTED, contact, id, null, clock.instant()))
          .get("cta");
      sent.add(stage, variant);
      if (world.nextDouble() < (LIKES.get(stage).equals(variant) ? LIKED_RATE : OTHER_RATE)) {
        rewards.clicked(id);
      }
      if (i % 25 == 24) {
        clock.advance(Duration.ofMinutes(61));
        rewards.settleDue();
      }
    }
    clock.advance(Duration.ofMinutes(61));
    rewards.settleDue();
    return sent;
  }

  /** The predicted rates a new message to this contact records. */
  private Map<String, Double> choose(Contact contact) {
    var id = UUID.randomUUID().toString();
    inTransaction(() -> selection.choose("offer", PREDICTED, contact, id, null, clock.instant()));
    return new ContentChoices(JdbcClient.create(dataSource), new ObjectMapper()).ofMessage(id).get(0).predicted();
  }

  private double[] features(Contact contact) {
    return new ContentFeatures(scoring()).of(contact, START);
  }

  private <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> work.get());
  }

  private static EngagementScoring scoring() {
    return new EngagementScoring(new EngagementProperties(Map.of(), Duration.ofDays(30), Set.of()));
  }

  private static Contact contact(String stage, int number) {
    return new Contact(stage + "-" + number, stage + number + "@example.com", null, ZoneId.of("Europe/Berlin"), "en",
        stage, Map.of(), 0, null, null, null, START, START);
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(templateDirectory.resolve(file), content);
  }

  /** What each lifecycle stage was sent. */
  private static final class Sent {
    private final Map<String, Map<String, Integer>> byStage = new HashMap<>();

    void add(String stage, String variant) {
      byStage.computeIfAbsent(stage, any -> new HashMap<>()).merge(variant, 1, Integer::sum);
    }

    double share(String stage, String variant) {
      var counts = byStage.get(stage);
      return (double) counts.getOrDefault(variant, 0) / counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = START;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
