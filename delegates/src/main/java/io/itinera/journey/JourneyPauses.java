package io.itinera.journey;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The paused journeys: a journey with a row takes no new entries. Writes join the caller's transaction. */
@Repository
public class JourneyPauses {

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;

  public JourneyPauses(JdbcClient jdbc, InsertIfAbsent inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  /** Pauses the journey; pausing a paused journey again changes its mode and keeps the first pause's time. */
  public void pause(String journeyKey, PauseMode mode, Instant at) {
    var row = new LinkedHashMap<String, Object>();
    row.put("journey_key", journeyKey);
    row.put("mode", mode.name());
    row.put("paused_at", at.atOffset(ZoneOffset.UTC));
    if (!inserts.insert("journey_pause", List.of("journey_key"), row)) {
      jdbc.sql("UPDATE journey_pause SET mode = ? WHERE journey_key = ?").params(mode.name(), journeyKey).update();
    }
  }

  /** Ends the pause; returns whether the journey was paused. */
  public boolean resume(String journeyKey) {
    return jdbc.sql("DELETE FROM journey_pause WHERE journey_key = ?").param(journeyKey).update() == 1;
  }

  public Optional<JourneyPause> of(String journeyKey) {
    return jdbc.sql("SELECT journey_key, mode, paused_at FROM journey_pause WHERE journey_key = ?")
        .param(journeyKey)
        .query((row, number) -> new JourneyPause(row.getString(1), PauseMode.valueOf(row.getString(2)),
            row.getObject(3, OffsetDateTime.class).toInstant()))
        .optional();
  }
}
