package io.itinera.timing;

import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.event.ContactEvents;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Send windows for timer expressions before a send, computed in the contact's own time zone here
 * because a timer date without an offset would be read in the server's zone. None of them ever
 * falls into the quiet hours:
 * <ul>
 *   <li>{@code ${sendWindow.businessHours(execution)}}: now if within business hours on a weekday,
 *   else when they next begin;</li>
 *   <li>{@code ${sendWindow.next(execution, '09:00')}}: the next 09:00;</li>
 *   <li>{@code ${sendWindow.nextWeekday(execution, '09:00')}}: the next 09:00 on a weekday;</li>
 *   <li>{@code ${sendWindow.bestHour(execution)}}: the next start of the hour in which the contact
 *   opened and clicked most, or of a default hour without such history.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(SendWindowProperties.class)
public class SendWindow {

  private static final List<String> ENGAGEMENT = List.of("email_opened", "email_clicked");
  private static final int HISTORY = 200;

  private final Contacts contacts;
  private final ContactEvents events;
  private final SendWindowProperties properties;
  private final Clock clock;

  public SendWindow(Contacts contacts, ContactEvents events, SendWindowProperties properties, Clock clock) {
    this.contacts = contacts;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  public Date businessHours(DelegateExecution execution) {
    return date(outsideQuietHours(businessHoursFrom(now(execution))));
  }

  public Date next(DelegateExecution execution, String localTime) {
    return date(outsideQuietHours(nextAt(now(execution), LocalTime.parse(localTime))));
  }

  public Date nextWeekday(DelegateExecution execution, String localTime) {
    return date(outsideQuietHours(weekday(nextAt(now(execution), LocalTime.parse(localTime)))));
  }

  public Date bestHour(DelegateExecution execution) {
    var now = now(execution);
    var history = events.occurrences(execution.getProcessBusinessKey(), ENGAGEMENT, HISTORY);
    return date(outsideQuietHours(bestHourFrom(now, history)));
  }

  /** When a marketing email to this contact may go out: at once, or when its quiet hours end. */
  public Instant notInQuietHours(Contact contact, Instant at) {
    return outsideQuietHours(at.atZone(contact.timezone())).toInstant();
  }

  ZonedDateTime businessHoursFrom(ZonedDateTime now) {
    var candidate = now;
    if (!candidate.toLocalTime().isBefore(properties.businessHoursEnd())) {
      candidate = candidate.plusDays(1).with(properties.businessHoursStart());
    } else if (candidate.toLocalTime().isBefore(properties.businessHoursStart())) {
      candidate = candidate.with(properties.businessHoursStart());
    }
    return weekend(candidate) ? weekday(candidate).with(properties.businessHoursStart()) : candidate;
  }

  ZonedDateTime bestHourFrom(ZonedDateTime now, List<Instant> engagement) {
    var byHour = engagement.stream().map(instant -> instant.atZone(now.getZone()).getHour())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    if (byHour.isEmpty()) {
      return properties.defaultBestHours().stream()
          .map(hour -> nextAt(now, LocalTime.of(hour, 0)))
          .min(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("itinera.send-window.default-best-hours is empty"));
    }
    var best = byHour.entrySet().stream()
        .max(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow().getKey();
    return nextAt(now, LocalTime.of(best, 0));
  }

  /** Moves a time inside the quiet hours (which may span midnight) to their end. */
  ZonedDateTime outsideQuietHours(ZonedDateTime time) {
    var start = properties.quietHoursStart();
    var end = properties.quietHoursEnd();
    var local = time.toLocalTime();
    var spansMidnight = start.isAfter(end);
    var quiet = spansMidnight
        ? !local.isBefore(start) || local.isBefore(end)
        : !local.isBefore(start) && local.isBefore(end);
    if (!quiet) {
      return time;
    }
    var endsToday = !spansMidnight || local.isBefore(end);
    return (endsToday ? time : time.plusDays(1)).with(end);
  }

  static ZonedDateTime nextAt(ZonedDateTime now, LocalTime time) {
    var today = now.with(time);
    return today.isBefore(now) ? now.plusDays(1).with(time) : today;
  }

  /** The same time of day on the first weekday from the candidate on. */
  static ZonedDateTime weekday(ZonedDateTime candidate) {
    var day = candidate;
    while (weekend(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static boolean weekend(ZonedDateTime day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private ZonedDateTime now(DelegateExecution execution) {
    var zone = contacts.find(execution.getProcessBusinessKey()).map(Contact::timezone).orElse(ZoneId.of("UTC"));
    return ZonedDateTime.now(clock.withZone(zone));
  }

  private static Date date(ZonedDateTime time) {
    return Date.from(time.toInstant());
  }
}
