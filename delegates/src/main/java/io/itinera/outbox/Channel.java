package io.itinera.outbox;

/**
 * How one channel delivers the messages of its outbox: a connection per claimed batch, which sends one
 * message at a time. The dispatcher owns claims, leases, retries and outcomes; a channel only talks to its
 * server, and its timeouts must stay below the lease.
 */
public interface Channel<M extends Outgoing> {

  /** Names the server in logs and reasons: {@code SMTP server}, {@code SMSC}. */
  String server();

  /** A connection for one batch; a {@link SendFailure} here puts the whole batch back for later. */
  Connection<M> open() throws SendFailure;

  /** Called once a message is sent, or failed for good: for the channel's metrics. */
  default void sent(M message) {
  }

  default void failed(M message) {
  }

  /** One open connection to the server. */
  interface Connection<M> extends AutoCloseable {

    /** Sends one message; returns the server's id for it, or null when the server gives none worth keeping. */
    String send(M message) throws SendFailure;

    @Override
    void close();
  }
}
