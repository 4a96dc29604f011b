package io.itinera.audience;

import io.itinera.contact.Contacts;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/** Subscribed contacts who did nothing at all in the last 30 days (and have been around that long). */
@Component
public class InactiveContacts implements Audience {

  static final Duration INACTIVE = Duration.ofDays(30);

  private final Contacts contacts;
  private final Clock clock;

  public InactiveContacts(Contacts contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "inactive-30-days";
  }

  @Override
  public Page page(String cursor, int size) {
    var since = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(INACTIVE);
    var ids = contacts.inactive(since, cursor, size);
    return new Page(ids, ids.size() < size ? null : ids.get(ids.size() - 1));
  }
}
