package io.itinera.simulation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What to try: a contact, the event that starts the journey, what the contact does later (at
 * offsets from the start), when the simulated run starts, how long to follow it, and the seed that
 * names a contact without an id (the A/B split is a hash of the contact id, as in production).
 */
@Schema(example = """
    {"contact": {"id": "ann", "timeZone": "Asia/Tokyo", "attributes": {"firstName": "Ann"}},
     "trigger": {"type": "signup", "properties": {"source": "website"}},
     "events": [{"after": "PT30H", "type": "email_opened"}],
     "start": "2026-11-27T14:00:00Z", "horizon": "P40D"}""")
public record SimulationPlan(
    @Valid SimulatedContact contact,
    @NotNull @Valid SimulatedEvent trigger,
    @Size(max = 200) List<@Valid @NotNull ScriptedEvent> events,
    OffsetDateTime start,
    Duration horizon,
    Long seed) {

  public static final Duration DEFAULT_HORIZON = Duration.ofDays(60);
  public static final Duration MAX_HORIZON = Duration.ofDays(400);
  /** Simulated time stays where dates are real ones: the engine and the database store it as such. */
  public static final OffsetDateTime EARLIEST_START = OffsetDateTime.parse("2000-01-01T00:00:00Z");
  public static final OffsetDateTime LATEST_START = OffsetDateTime.parse("2100-01-01T00:00:00Z");

  public List<ScriptedEvent> script() {
    return events == null ? List.of() : events;
  }

  public SimulatedContact contactOrDefault() {
    return contact == null ? SimulatedContact.ANONYMOUS : contact;
  }

  public Duration horizonOrDefault() {
    return horizon == null ? DEFAULT_HORIZON : horizon;
  }
}
