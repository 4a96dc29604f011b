package io.itinera.benchmark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts things as they arrive (delivered emails, committed rows, ended runs) and when the first and last came. */
final class Arrivals {
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong first = new AtomicLong();
  private final AtomicLong last = new AtomicLong();

  void arrived() {
    var now = System.nanoTime();
    first.compareAndSet(0, now);
    last.accumulateAndGet(now, Math::max);
    count.incrementAndGet();
  }

  void reset() {
    first.set(0);
    last.set(0);
  }

  int count() {
    return count.get();
  }

  long first() {
    return first.get();
  }

  long last() {
    return last.get();
  }

  /** Polls for the arrivals; their times come from {@link #arrived()}, so the polling adds no error. */
  void await(int expected, String what) throws InterruptedException {
    var deadline = System.nanoTime() + (120 + expected / 5L) * 1_000_000_000L;
    while (count() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Only " + count() + " of " + expected + " " + what + " arrived in time");
      }
      Thread.sleep(10);
    }
  }
}
