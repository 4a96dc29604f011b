package io.itinera.email;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the dispatcher in the background; tests switch it off and dispatch when they choose. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "itinera.email.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

  private final OutboxDispatcher dispatcher;

  OutboxSchedule(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${itinera.email.dispatch.interval:PT2S}")
  void dispatch() {
    dispatcher.drain();
  }
}
