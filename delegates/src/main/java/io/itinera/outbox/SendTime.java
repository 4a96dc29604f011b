package io.itinera.outbox;

import io.itinera.contact.Contact;
import io.itinera.timing.SendWindow;
import io.itinera.timing.SendWindowProperties;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When a queued message may go out, on every channel: marketing waits out the quiet hours in the contact's
 * zone in the outbox; transactional messages do not wait.
 */
@Component
public class SendTime {

  private final SendWindow sendWindow;
  private final SendWindowProperties quietHours;

  SendTime(SendWindow sendWindow, SendWindowProperties quietHours) {
    this.sendWindow = sendWindow;
    this.quietHours = quietHours;
  }

  /** When the message is due, and why it waits if it does (null when it goes out now). */
  public record Due(Instant at, String reason) {
  }

  public Due of(Contact contact, MessageCategory category, Instant now) {
    var sendAt = category == MessageCategory.MARKETING ? sendWindow.notInQuietHours(contact, now) : now;
    return new Due(sendAt, sendAt.isAfter(now) ? "held by quiet hours (" + quietHours.quietHoursStart() + "-"
        + quietHours.quietHoursEnd() + " " + contact.timezone().getId() + ")" : null);
  }
}
