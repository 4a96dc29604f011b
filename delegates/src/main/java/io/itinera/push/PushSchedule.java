package io.itinera.push;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the push dispatcher in the background; tests switch it off and dispatch when they choose. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "itinera.push.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class PushSchedule {

  private final PushDispatcher dispatcher;

  PushSchedule(PushDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${itinera.push.dispatch.interval:PT2S}")
  void dispatch() {
    dispatcher.drain();
  }
}
