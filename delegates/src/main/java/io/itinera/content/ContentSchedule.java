package io.itinera.content;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles due rewards (goals reached, windows ended) and refreshes which variants the policy excludes, in
 * the background on every node; settling is once per choice, so nodes running it at once do no harm.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "itinera.content.settle.enabled", havingValue = "true", matchIfMissing = true)
class ContentSchedule {

  private final ContentRewards rewards;

  ContentSchedule(ContentRewards rewards) {
    this.rewards = rewards;
  }

  @Scheduled(fixedDelayString = "${itinera.content.settle.interval:PT1M}")
  void settle() {
    rewards.settleDue();
    rewards.refreshExclusions();
  }
}
