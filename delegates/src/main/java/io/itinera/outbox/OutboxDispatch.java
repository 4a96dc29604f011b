package io.itinera.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what one channel's outbox holds. A batch is claimed under a token of its own in one short
 * transaction (rows other nodes are claiming are skipped) and sent over one connection. The lease is short
 * and covers only what is being sent: just before each message the dispatcher renews that message's lease
 * and sends only if it still holds the claim, then marks it sent in its own transaction the moment the
 * server accepted it. A message a slow batch did not reach in time goes to another node, never to both; a
 * dead node's claims return after one lease. The one message a node was sending when it died goes out
 * again: at least once. Transient trouble retries after a delay that doubles, until the attempts run out.
 */
public final class OutboxDispatch<M extends Outgoing> {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatch.class);

  private final OutboxRows<M> outbox;
  private final Channel<M> channel;
  private final DispatchSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OutboxDispatch(OutboxRows<M> outbox, Channel<M> channel, DispatchSettings settings,
      TransactionTemplate transaction, Clock clock) {
    this.outbox = outbox;
    this.channel = channel;
    this.settings = settings;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Sends one batch of due messages; returns how many the batch held, so a caller can go on while it was full. */
  public int dispatchDue() {
    var now = clock.instant();
    var owner = UUID.randomUUID().toString();
    List<M> batch = transaction.execute(
        status -> outbox.claim(settings.batchSize(), now, now.plus(settings.lease()), owner));
    if (batch == null || batch.isEmpty()) {
      return 0;
    }
    Channel.Connection<M> connection;
    try {
      connection = channel.open();
    } catch (SendFailure unreachable) {
      log.warn("{} unreachable, {} messages wait: {}", channel.server(), batch.size(), unreachable.getMessage());
      batch.forEach(message -> later(message, owner, channel.server() + " unreachable: " + unreachable.getMessage()));
      return batch.size();
    }
    try (connection) {
      batch.forEach(message -> send(connection, message, owner));
    }
    return batch.size();
  }

  /** Dispatches batch after batch while they come back full, so a backlog drains without waiting for a tick. */
  public void drain() {
    int claimed;
    do {
      claimed = dispatchDue();
    } while (claimed == settings.batchSize());
  }

  private void send(Channel.Connection<M> connection, M message, String owner) {
    var renewed = transaction.execute(status ->
        outbox.renew(message.id(), owner, clock.instant().plus(settings.lease())));
    if (!Boolean.TRUE.equals(renewed)) {
      log.debug("Message {} was taken over by another dispatcher after its lease ended", message.id());
      return;
    }
    try {
      var serverId = connection.send(message);
      finish(message, () -> outbox.markSent(message.id(), owner, clock.instant(), serverId));
      channel.sent(message);
    } catch (SendFailure failed) {
      if (failed.permanent()) {
        finish(message, () -> outbox.markFailed(message.id(), owner, message.attempts() + 1, failed.getMessage()));
        channel.failed(message);
      } else {
        later(message, owner, failed.getMessage());
      }
    }
  }

  private void later(M claimed, String owner, String reason) {
    var attempts = claimed.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      finish(claimed, () -> outbox.markFailed(claimed.id(), owner, attempts,
          "gave up after " + attempts + " attempts: " + reason));
      channel.failed(claimed);
    } else {
      var delay = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
      finish(claimed, () -> outbox.retryLater(claimed.id(), owner, attempts, clock.instant().plus(delay), reason));
    }
  }

  /**
   * Records the outcome in its own transaction. It only misses if one send outlasted the lease
   * (the channel's timeouts must stay below it): then the new owner sends the message again.
   */
  private void finish(M message, BooleanSupplier update) {
    if (!Boolean.TRUE.equals(transaction.execute(status -> update.getAsBoolean()))) {
      log.warn("Message {} outlasted its lease of {} and was taken over: it may go out twice; keep the {}"
          + " timeouts below the lease", message.id(), settings.lease(), channel.server());
    }
  }
}
