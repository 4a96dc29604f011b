package io.itinera.timing;

import io.itinera.contact.Contacts;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Send windows for timer expressions before a send, in the contact's own time zone, computed here
 * because a timer date without an offset would be read in the server's zone:
 * {@code ${sendWindow.businessHours(execution)}}.
 */
@Component
public class SendWindow {

  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(17, 0);

  private final Contacts contacts;
  private final Clock clock;

  public SendWindow(Contacts contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  /** Now, if it is business hours on a weekday where the contact lives; otherwise when they next begin. */
  public Date businessHours(DelegateExecution execution) {
    var zone = contacts.find(execution.getProcessBusinessKey()).map(contact -> contact.timezone()).orElse(ZoneId.of("UTC"));
    return Date.from(nextBusinessHour(ZonedDateTime.now(clock.withZone(zone))).toInstant());
  }

  static ZonedDateTime nextBusinessHour(ZonedDateTime now) {
    var candidate = now;
    if (!candidate.toLocalTime().isBefore(CLOSES)) {
      candidate = candidate.plusDays(1).with(OPENS);
    } else if (candidate.toLocalTime().isBefore(OPENS)) {
      candidate = candidate.with(OPENS);
    }
    while (candidate.getDayOfWeek() == DayOfWeek.SATURDAY || candidate.getDayOfWeek() == DayOfWeek.SUNDAY) {
      candidate = candidate.plusDays(1).with(OPENS);
    }
    return candidate;
  }
}
