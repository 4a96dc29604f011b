package io.itinera.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the SMSC session bound and runs the SMS dispatcher in the background, when an SMSC is set; tests
 * switch it off and dispatch when they choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "itinera.sms.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class SmsSchedule {

  private final SmsDispatcher dispatcher;

  SmsSchedule(SmsDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${itinera.sms.dispatch.interval:PT2S}")
  void dispatch() {
    if (dispatcher.stayBound()) {
      dispatcher.drain();
    }
  }
}
