package io.itinera.contact;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sole owner of {@code channel_priority}: the channels a contact prefers, most preferred first. Joins the
 * caller's transaction; the caller holds the contact's row lock, as for consents.
 */
@Repository
public class ChannelPriorities {

  private final JdbcClient jdbc;

  public ChannelPriorities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The contact's own order, or empty when it set none. */
  public Optional<List<String>> of(String contactId) {
    return jdbc.sql("SELECT channels FROM channel_priority WHERE contact_id = ?").param(contactId)
        .query(String.class).optional()
        .map(channels -> Arrays.asList(channels.split(",")));
  }

  /** Keeps the order; an empty one removes the contact's own, so that the configured order applies again. */
  public void set(String contactId, List<String> channels) {
    jdbc.sql("DELETE FROM channel_priority WHERE contact_id = ?").param(contactId).update();
    if (!channels.isEmpty()) {
      jdbc.sql("INSERT INTO channel_priority (contact_id, channels) VALUES (?, ?)")
          .params(contactId, String.join(",", channels)).update();
    }
  }
}
