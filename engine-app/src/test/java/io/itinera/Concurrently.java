package io.itinera;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs callers at the same moment (a start gate), each in a transaction of its own, as concurrent requests would. */
public final class Concurrently {

  private Concurrently() {
  }

  /** Calls {@code caller} with 0 to {@code callers - 1}; rethrows the first failure of any of them. */
  public static void run(int callers, TransactionTemplate transaction, IntConsumer caller) throws Exception {
    var gate = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(callers);
    try {
      var calls = new ArrayList<Callable<Void>>();
      for (int i = 0; i < callers; i++) {
        var number = i;
        calls.add(() -> {
          gate.await();
          transaction.executeWithoutResult(status -> caller.accept(number));
          return null;
        });
      }
      var results = calls.stream().map(pool::submit).toList();
      gate.countDown();
      for (var result : results) {
        try {
          result.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException failed) {
          throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
