package io.itinera.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code channel_consent}: the last consent change per contact and channel. Joins the caller's transaction. */
@Repository
public class ChannelConsents {

  private final JdbcClient jdbc;

  public ChannelConsents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Consent> of(String contactId, String channel) {
    return jdbc.sql("SELECT granted, changed_at, source FROM channel_consent WHERE contact_id = ? AND channel = ?")
        .params(contactId, channel)
        .query((row, number) -> new Consent(row.getBoolean(1), row.getObject(2, OffsetDateTime.class).toInstant(),
            row.getString(3)))
        .optional();
  }

  /**
   * Why marketing on an opt-in channel may not go to the contact, or null when it granted consent there;
   * {@code label} names the channel for people ({@code SMS}, {@code push}).
   */
  public String missing(String contactId, String channel, String label) {
    var consent = of(contactId, channel);
    if (consent.isEmpty()) {
      return "the contact never gave " + label + " consent";
    }
    return consent.get().granted() ? null
        : "the contact withdrew " + label + " consent (" + consent.get().source() + ", " + consent.get().at() + ")";
  }

  /**
   * Keeps the change as the contact's consent on the channel. The caller holds the contact's row lock
   * ({@link Contacts#findForUpdate}), so the update-or-insert never races another change of the same contact.
   */
  public void record(String contactId, String channel, Consent consent) {
    var updated = jdbc.sql("UPDATE channel_consent SET granted = ?, changed_at = ?, source = ?"
            + " WHERE contact_id = ? AND channel = ?")
        .params(consent.granted(), utc(consent.at()), consent.source(), contactId, channel)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO channel_consent (contact_id, channel, granted, changed_at, source) VALUES (?, ?, ?, ?, ?)")
          .params(contactId, channel, consent.granted(), utc(consent.at()), consent.source())
          .update();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
