package io.itinera.outbox;

import io.itinera.contact.ConsentWithdrawn;
import io.itinera.contact.TopicsChosen;
import io.itinera.preference.MarketingPaused;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes back, in the transaction that records the choice, the marketing that quiet hours, a retry or a frequency
 * wait still hold for a contact who withdrew consent on a channel, left its topic there or paused all marketing: a
 * choice holds from the moment it is made, not from the next send.
 */
@Component
class HeldMarketing {

  private final List<OutboxRows<?>> outboxes;
  private final Clock clock;

  HeldMarketing(List<OutboxRows<?>> outboxes, Clock clock) {
    this.outboxes = outboxes;
    this.clock = clock;
  }

  @EventListener
  void consentWithdrawn(ConsentWithdrawn withdrawn) {
    outboxes.stream().filter(outbox -> outbox.channel().equals(withdrawn.channel())).forEach(outbox ->
        outbox.skipHeldMarketing(withdrawn.contactId(), clock.instant(),
            "the contact withdrew " + ChannelRules.label(withdrawn.channel()) + " consent before it went out"));
  }

  @EventListener
  void topicsChosen(TopicsChosen chosen) {
    chosen.choices().byTopic().forEach((topic, byChannel) -> byChannel.forEach((channel, subscribed) -> {
      if (!subscribed) {
        outboxes.stream().filter(outbox -> outbox.channel().equals(channel)).forEach(outbox ->
            outbox.skipHeldMarketingAbout(chosen.contactId(), topic, clock.instant(),
                "the contact left topic '" + topic + "' on " + channel + " before it went out"));
      }
    }));
  }

  @EventListener
  void paused(MarketingPaused paused) {
    outboxes.forEach(outbox -> outbox.skipHeldMarketingUntil(paused.contactId(), paused.until(), clock.instant(),
        "the contact paused all marketing until " + paused.until() + " before it went out"));
  }
}
