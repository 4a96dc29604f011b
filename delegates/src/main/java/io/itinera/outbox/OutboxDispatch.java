package io.itinera.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what one channel's outbox holds, over {@link DispatchSettings#connections()} connections at
 * once. Each connection claims its own batches under a token of its own in one short transaction (rows
 * other connections and nodes are claiming are skipped). The lease is short and covers only what is
 * being sent: a message goes out only while at least half of its lease is left, renewed first once less
 * is, and only while its claim is still ours, so one send must end within half the lease. Each message's
 * outcome is recorded the moment the server accepted it, in a short transaction that also renews the next
 * one's lease where that is due: one commit per message. A message a slow batch did not reach in time goes to another
 * connection or node, never to both; a dead node's claims return after one lease. The message each
 * connection was sending when its node died goes out again: at least once. Transient trouble retries
 * after a delay that doubles, until the attempts run out.
 */
public final class OutboxDispatch<M extends Outgoing> {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatch.class);

  private final OutboxRows<M> outbox;
  private final Channel<M> channel;
  private final DispatchSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;
  /** The connections beyond the caller's own; their threads end when the outbox has been idle a minute. */
  private final ThreadPoolExecutor senders;
  private final Object claiming = new Object();

  public OutboxDispatch(OutboxRows<M> outbox, Channel<M> channel, DispatchSettings settings,
      TransactionTemplate transaction, Clock clock) {
    this.outbox = outbox;
    this.channel = channel;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
    var others = Math.max(1, settings.connections() - 1);
    var number = new AtomicInteger();
    this.senders = new ThreadPoolExecutor(others, others, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
      var thread = new Thread(task, "outbox-" + channel.server().replace(' ', '-') + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    senders.allowCoreThreadTimeOut(true);
  }

  /** Sends one batch of due messages on a connection of its own; returns how many the batch held. */
  public int dispatchDue() {
    try (var sender = new Sender()) {
      return sender.sendBatch();
    }
  }

  /** Every connection sends batch after batch while they come back full, so a backlog drains without waiting. */
  public void drain() {
    var others = IntStream.range(1, settings.connections())
        .mapToObj(connection -> CompletableFuture.runAsync(this::drainOnOneConnection, senders))
        .toList();
    drainOnOneConnection();
    others.forEach(CompletableFuture::join);
  }

  private void drainOnOneConnection() {
    try (var sender = new Sender()) {
      while (sender.sendBatch() == settings.batchSize()) {
        // the batch was full: there may be more
      }
    }
  }

  /** One connection, opened when a batch first needs it and kept for the next batches. */
  private final class Sender implements AutoCloseable {

    private Channel.Connection<M> connection;

    int sendBatch() {
      var owner = UUID.randomUUID().toString();
      List<M> batch;
      Instant claimedAt;
      // One claim at a time on this node: claims racing each other skip each other's locked rows, and a
      // connection that found nothing would stop while the backlog is still there. Other nodes still skip.
      synchronized (claiming) {
        var now = clock.instant();
        claimedAt = now;
        batch = transaction.execute(
            status -> outbox.claim(settings.batchSize(), now, now.plus(settings.lease()), owner));
      }
      if (batch == null || batch.isEmpty()) {
        return 0;
      }
      // Until then every message claimed has at least half its lease left; after it, each is renewed first.
      var renewFrom = claimedAt.plus(settings.lease().dividedBy(2));
      var claimed = true;
      for (int index = 0; index < batch.size(); index++) {
        var message = batch.get(index);
        if (claimed && connection == null) {
          if (!connect()) {
            putBack(batch.subList(index, batch.size()), owner);
            break;
          }
          // Connecting takes time, in which half the claim may have gone.
          claimed = recordAndRenew(null, message, owner, renewFrom);
        }
        var outcome = claimed ? send(message, owner) : takenOver(message);
        claimed = recordAndRenew(outcome, index + 1 < batch.size() ? batch.get(index + 1) : null, owner, renewFrom);
      }
      return batch.size();
    }

    private boolean connect() {
      try {
        connection = channel.open();
        return true;
      } catch (SendFailure unreachable) {
        log.warn("{} unreachable, messages wait: {}", channel.server(), unreachable.getMessage());
        return false;
      }
    }

    private Outcome send(M message, String owner) {
      try {
        var serverId = connection.send(message);
        return new Outcome(message, () -> outbox.markSent(message.id(), owner, clock.instant(), serverId),
            () -> channel.sent(message));
      } catch (SendFailure failed) {
        if (failed.permanent()) {
          return new Outcome(message, () -> outbox.markFailed(message.id(), owner, message.attempts() + 1,
              failed.getMessage()), () -> channel.failed(message));
        }
        // The connection may be what failed: the next message opens a new one.
        close();
        return later(message, owner, failed.getMessage());
      }
    }

    private void putBack(List<M> messages, String owner) {
      var outcomes = messages.stream()
          .map(message -> later(message, owner, channel.server() + " unreachable"))
          .toList();
      transaction.executeWithoutResult(status -> outcomes.forEach(Outcome::record));
      outcomes.forEach(outcome -> outcome.afterwards().run());
    }

    @Override
    public void close() {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }

  private Outcome takenOver(M message) {
    log.debug("Message {} was taken over by another dispatcher after its lease ended", message.id());
    return null;
  }

  /** Transient trouble: again after a delay that doubles with each attempt, until the attempts run out. */
  private Outcome later(M claimed, String owner, String reason) {
    var attempts = claimed.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      return new Outcome(claimed, () -> outbox.markFailed(claimed.id(), owner, attempts,
          "gave up after " + attempts + " attempts: " + reason), () -> channel.failed(claimed));
    }
    var delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    return new Outcome(claimed, () -> outbox.retryLater(claimed.id(), owner, attempts, clock.instant().plus(delay),
        reason), () -> { });
  }

  /**
   * Records a message's outcome (if any) and, from {@code renewFrom} on, renews the next message's lease, in one
   * short transaction; returns whether the next message is still ours to send.
   */
  private boolean recordAndRenew(Outcome outcome, M next, String owner, Instant renewFrom) {
    var renew = next != null && !clock.instant().isBefore(renewFrom);
    if (outcome == null && !renew) {
      return true;
    }
    var nextStillOurs = transaction.execute(status -> {
      if (outcome != null) {
        outcome.record();
      }
      return !renew || outbox.renew(next.id(), owner, clock.instant().plus(settings.lease()));
    });
    if (outcome != null) {
      outcome.afterwards().run();
    }
    return Boolean.TRUE.equals(nextStillOurs);
  }

  /** What became of one message: the update that records it, and what the channel counts once it is recorded. */
  private final class Outcome {
    private final M message;
    private final BooleanSupplier update;
    private final Runnable afterwards;

    Outcome(M message, BooleanSupplier update, Runnable afterwards) {
      this.message = message;
      this.update = update;
      this.afterwards = afterwards;
    }

    /**
     * The update misses only if one send outlasted the lease (the channel's timeouts must stay below
     * it): then the new owner sends the message again.
     */
    void record() {
      if (!update.getAsBoolean()) {
        log.warn("Message {} outlasted its lease of {} and was taken over: it may go out twice; keep the {}"
            + " timeouts below the lease", message.id(), settings.lease(), channel.server());
      }
    }

    Runnable afterwards() {
      return afterwards;
    }
  }
}
