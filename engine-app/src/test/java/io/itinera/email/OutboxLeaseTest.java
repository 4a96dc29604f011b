package io.itinera.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import io.itinera.outbox.DispatchSettings;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several dispatchers on one outbox with an SMTP server that takes 14 seconds a message (on a test
 * clock the server moves): the lease covers what each dispatcher is actually sending.
 */
@ItineraAppTest
class OutboxLeaseTest {

  /** Long before anything the other tests queue, so that only this test's messages are due. */
  private static final Instant START = Instant.parse("2001-01-01T00:00:00Z");
  private static final Duration SEND_TIME = Duration.ofSeconds(14);

  @Autowired
  TestRestTemplate http;
  @Autowired
  Outbox outbox;
  @Autowired
  EmailLinks links;
  @Autowired
  EmailProperties properties;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  EmailMetrics metrics;

  private final TestClock clock = new TestClock(START);
  private final String contact = "c-" + UUID.randomUUID();
  private final List<String> queued = new ArrayList<>();
  private final AtomicReference<Runnable> afterNinthMessage = new AtomicReference<>(() -> { });
  private final AtomicReference<Runnable> onEachMessage = new AtomicReference<>(() -> { });
  private final AtomicReference<Consumer<String>> onEachMessageId = new AtomicReference<>(messageId -> { });
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicReference<Duration> sendTime = new AtomicReference<>(SEND_TIME);
  private SlowSmtpServer smtp;

  @BeforeEach
  void setUp() throws Exception {
    new ApiClient(http).put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
    smtp = new SlowSmtpServer(messageId -> {
      onEachMessage.get().run();
      onEachMessageId.get().accept(messageId);
      clock.advance(sendTime.get());
      if (received.incrementAndGet() == 9) {
        afterNinthMessage.get().run();
      }
    });
  }

  @AfterEach
  void stopServer() throws Exception {
    smtp.close();
  }

  @Test
  void deliversEveryMessageOnceWhenTwoNodesShareASlowSmtpServer() throws Exception {
    queue(60);
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Void> node = () -> {
        // One connection per node: the server takes 14 s of the shared test clock per message, which only
        // reads as a slow server while one message at a time moves it on each node.
        var dispatch = properties.dispatch();
        var dispatcher = dispatcher(new DispatchSettings(dispatch.batchSize(), dispatch.maxAttempts(),
            dispatch.firstRetry(), dispatch.lease(), 1));
        while (unfinished() > 0) {
          if (dispatcher.dispatchDue() == 0) {
            // Nothing due for this node yet: the other one holds the rest, whose leases run on.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
          }
        }
        return null;
      };
      for (var done : pool.invokeAll(List.of(node, node), 2, TimeUnit.MINUTES)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(accepted()).hasSize(60).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(queued.stream().map(this::messageId).toList());
    assertThat(statuses()).containsOnly(MessageStatus.SENT);
  }

  @Test
  void sendsTheClaimsOfADeadNodeOnceTheirLeaseEnds() {
    queue(3);
    var lease = properties.dispatch().lease();
    transaction.executeWithoutResult(status -> outbox.claim(50, START, START.plus(lease), "dead-node"));
    var dispatcher = dispatcher();

    clock.advance(lease.minusSeconds(1));
    assertThat(dispatcher.dispatchDue()).isZero();
    clock.advance(Duration.ofSeconds(2));
    dispatcher.dispatchDue();

    assertThat(accepted()).containsExactlyElementsOf(queued.stream().map(this::messageId).toList());
    assertThat(statuses()).containsOnly(MessageStatus.SENT);
  }

  @Test
  void doesNotSendWhatAnotherNodeTookOverAfterTheLeaseEnded() {
    queue(12);
    var lease = properties.dispatch().lease();
    // 9 messages of 14 seconds outlast the 2-minute claim on the rest of the batch: another node takes it over.
    afterNinthMessage.set(() -> transaction.executeWithoutResult(
        status -> outbox.claim(50, clock.instant(), clock.instant().plus(lease), "other-node")));

    dispatcher().dispatchDue();

    assertThat(accepted()).containsExactlyElementsOf(
        queued.subList(0, 9).stream().map(this::messageId).toList());
    var expected = new ArrayList<>(Collections.nCopies(9, MessageStatus.SENT));
    expected.addAll(Collections.nCopies(3, MessageStatus.SENDING));
    assertThat(statuses()).containsExactlyElementsOf(expected);
  }

  @Test
  void sendsEachMessageWithAtLeastHalfItsLeaseLeftRenewingItOnlyWhenLessIsLeft() {
    queue(8);
    var lease = properties.dispatch().lease();
    var leftWhenSent = new ArrayList<Duration>();
    onEachMessageId.set(messageId -> {
      var id = messageId.substring(1, messageId.indexOf('@'));
      var leaseEnds = jdbc.sql("SELECT next_attempt_at FROM email_message WHERE id = ?").param(id)
          .query(Timestamp.class).single().toLocalDateTime().toInstant(ZoneOffset.UTC);
      leftWhenSent.add(Duration.between(clock.instant(), leaseEnds));
    });

    dispatcher().dispatchDue();

    // 14 s a message: the claim's own lease for the first five (sent with 120 to 64 s left), then from 60 s
    // on each message renewed just before it goes.
    assertThat(lease).isEqualTo(Duration.ofMinutes(2));
    assertThat(leftWhenSent).map(Duration::toSeconds).containsExactly(120L, 106L, 92L, 78L, 64L, 120L, 120L, 120L);
    assertThat(statuses()).containsOnly(MessageStatus.SENT);
  }

  @Test
  void drainsOverSeveralConnectionsAtOnceSendingEachMessageOnce() {
    queue(30);
    var connections = 3;
    // Leases are not under test here: on a busy machine one connection may stall while the others send
    // on, and with the test clock moving 14 s per message that would look like a send outlasting its lease.
    sendTime.set(Duration.ZERO);
    // Each connection's first message waits until all three have one in flight: one connection alone times out.
    var allSending = new CountDownLatch(connections);
    var servingThreads = ConcurrentHashMap.newKeySet();
    onEachMessage.set(() -> {
      if (servingThreads.add(Thread.currentThread())) {
        allSending.countDown();
      }
      try {
        allSending.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    });
    var dispatch = properties.dispatch();

    dispatcher(new DispatchSettings(5, dispatch.maxAttempts(), dispatch.firstRetry(), dispatch.lease(), connections))
        .drain();

    assertThat(allSending.getCount()).isZero();
    assertThat(accepted()).hasSize(30).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(queued.stream().map(this::messageId).toList());
    assertThat(statuses()).containsOnly(MessageStatus.SENT);
  }

  private OutboxDispatcher dispatcher() {
    return dispatcher(properties.dispatch());
  }

  private OutboxDispatcher dispatcher(DispatchSettings dispatch) {
    var mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(smtp.port());
    var settings = new EmailProperties(properties.from(), properties.fromName(), properties.postalAddress(),
        properties.baseUrl(), properties.templatesDirectory(), dispatch,
        properties.softBounceLimit());
    return new OutboxDispatcher(outbox, mail, links, settings, transaction, clock, metrics);
  }

  private void queue(int count) {
    for (int i = 0; i < count; i++) {
      var id = UUID.randomUUID().toString();
      // One second apart, so that the outbox claims them in this order.
      var due = START.minusSeconds(count - i);
      outbox.insert(new OutboxMessage(id, contact, null, null, "welcome", MessageCategory.TRANSACTIONAL,
          contact + "@example.com", properties.from(), null, "Message " + i, "<p>" + i + "</p>", String.valueOf(i),
          MessageStatus.QUEUED, null, 0, due, null, due), null, id, null);
      queued.add(id);
    }
  }

  /** What the server accepted of this test's messages (it may also get what other tests left due). */
  private List<String> accepted() {
    var ours = queued.stream().map(this::messageId).toList();
    return smtp.acceptedMessageIds().stream().filter(ours::contains).toList();
  }

  private String messageId(String id) {
    return "<" + id + "@" + properties.domain() + ">";
  }

  private List<MessageStatus> statuses() {
    return queued.stream().map(id -> outbox.find(id).orElseThrow().status()).toList();
  }

  private long unfinished() {
    return jdbc.sql("SELECT COUNT(*) FROM email_message WHERE contact_id = ? AND status <> 'SENT'").param(contact)
        .query(Long.class).single();
  }

  /** A clock only the test moves, shared by the dispatchers as the database's notion of now would be. */
  private static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
