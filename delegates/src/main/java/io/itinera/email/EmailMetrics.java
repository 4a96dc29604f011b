package io.itinera.email;

import io.itinera.database.AfterCommit;
import io.itinera.outbox.MessageCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts what happens to emails, labelled by journey, step, category and reason only: never by
 * contact or address, so the number of series stays small. Counts made inside a transaction
 * (a step queuing an email) are made once it commits.
 */
@Component
class EmailMetrics {

  private final MeterRegistry registry;

  EmailMetrics(MeterRegistry registry) {
    this.registry = registry;
    // At zero from the start, so that alerts on a rise of bounces or complaints have a series to watch.
    Arrays.stream(DeliveryFeedback.Kind.values()).forEach(this::feedbackCounter);
  }

  void queued(EmailStep step) {
    AfterCommit.run(() -> registry.counter("itinera.emails.queued",
        "journey", step.journeyKey(), "step", step.stepId(), "category", category(step.category())).increment());
  }

  void skipped(EmailStep step, SkipReason reason) {
    AfterCommit.run(() -> registry.counter("itinera.emails.skipped", "journey", step.journeyKey(),
        "step", step.stepId(), "category", category(step.category()), "reason", reason.code()).increment());
  }

  void sent(OutboxMessage message) {
    dispatched("itinera.emails.sent", message);
  }

  void failed(OutboxMessage message) {
    dispatched("itinera.emails.failed", message);
  }

  /** Bounces by kind ({@code hard}, {@code soft}) and complaints, as the mail provider reported them. */
  void feedback(DeliveryFeedback.Kind kind) {
    feedbackCounter(kind).increment();
  }

  private Counter feedbackCounter(DeliveryFeedback.Kind kind) {
    return switch (kind) {
      case HARD_BOUNCE -> registry.counter("itinera.emails.bounced", "kind", "hard");
      case SOFT_BOUNCE -> registry.counter("itinera.emails.bounced", "kind", "soft");
      case COMPLAINT -> registry.counter("itinera.emails.complained");
    };
  }

  private void dispatched(String name, OutboxMessage message) {
    var journey = message.journeyKey() == null ? "none" : message.journeyKey();
    registry.counter(name, "journey", journey, "category", category(message.category())).increment();
  }

  private static String category(MessageCategory category) {
    return category.name().toLowerCase(Locale.ROOT);
  }
}
