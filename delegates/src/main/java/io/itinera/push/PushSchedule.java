package io.itinera.push;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the push dispatcher in the background; tests switch it off and dispatch when they choose. The drain
 * runs on a thread of its own, not on the scheduler thread that email and SMS dispatch share: push services
 * are many and third-party, and one that answers slowly must not hold up email.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "itinera.push.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class PushSchedule {

  private final PushDispatcher dispatcher;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
    var thread = new Thread(task, "push-dispatch");
    thread.setDaemon(true);
    return thread;
  });

  PushSchedule(PushDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Starts a drain unless the last one is still going. */
  @Scheduled(fixedDelayString = "${itinera.push.dispatch.interval:PT2S}")
  void dispatch() {
    if (draining.compareAndSet(false, true)) {
      sender.execute(() -> {
        try {
          dispatcher.drain();
        } finally {
          draining.set(false);
        }
      });
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdownNow();
  }
}
