package io.itinera.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An email as the Send email step left it in the (simulated) outbox: queued with when it would go
 * out, or skipped with the reason. {@code html} only when the request asks for it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SimulatedEmail(String template, String category, String status, String reason, String to,
    Instant sendAt, String sendAtLocal, String subject, String text, String html) {

  public boolean queued() {
    return "QUEUED".equals(status);
  }

  SimulatedEmail withoutHtml() {
    return new SimulatedEmail(template, category, status, reason, to, sendAt, sendAtLocal, subject, text, null);
  }
}
