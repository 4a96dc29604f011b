package io.itinera.audience;

import io.itinera.contact.Contacts;
import java.time.Clock;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/**
 * Contacts whose {@code birthday} attribute ({@code 1990-05-17} or {@code 05-17}) is today where
 * they live, while it is not yet 09:00 there: run hourly, this catches every contact in time for a
 * birthday email at 09:00 local time.
 */
@Component
public class BirthdaysToday implements Audience {

  static final LocalTime SEND_AT = LocalTime.of(9, 0);

  private final Contacts contacts;
  private final Clock clock;

  public BirthdaysToday(Contacts contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "birthday-today";
  }

  /** Reads a page of contacts and keeps those whose birthday it is; the attributes are JSON, so this filters in Java. */
  @Override
  public Page page(String cursor, int size) {
    var ids = contacts.withAttribute("birthday", cursor, size);
    var birthdays = new ArrayList<String>();
    for (var id : ids) {
      contacts.find(id).filter(contact -> {
        var now = ZonedDateTime.now(clock.withZone(contact.timezone()));
        return now.toLocalTime().isBefore(SEND_AT) && isToday(contact.attributes().get("birthday"), now);
      }).ifPresent(contact -> birthdays.add(contact.id()));
    }
    return new Page(birthdays, ids.size() < size ? null : ids.get(ids.size() - 1));
  }

  static boolean isToday(Object birthday, ZonedDateTime now) {
    if (!(birthday instanceof String text) || text.length() < 5) {
      return false;
    }
    try {
      var monthDay = MonthDay.parse("--" + text.substring(text.length() - 5));
      return monthDay.equals(MonthDay.from(now))
          || (monthDay.getMonthValue() == 2 && monthDay.getDayOfMonth() == 29 && !now.toLocalDate().isLeapYear()
              && MonthDay.from(now).equals(MonthDay.of(2, 28)));
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }
}
