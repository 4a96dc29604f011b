package io.itinera.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A forecast: who (real contacts by id or segment, read only, or synthetic ones from a spec), the
 * event that starts the journey, what a share of them does later, when, for how long, and the seed
 * that makes every draw repeatable.
 */
public record ForecastPlan(
    @NotNull @Valid Audience contacts,
    @NotNull @Valid SimulatedEvent trigger,
    @Size(max = 200) List<@Valid @NotNull ForecastEvent> events,
    OffsetDateTime start,
    Duration horizon,
    Long seed) {

  public static final int MAX_CONTACTS = 1_000;

  public List<ForecastEvent> script() {
    return events == null ? List.of() : events;
  }

  public long seedOrDefault() {
    return seed == null ? 1 : seed;
  }

  /** Exactly one of: real contacts by id, the members of a segment (at most {@code limit}), synthetic contacts. */
  public record Audience(
      @Size(min = 1, max = MAX_CONTACTS) List<@NotBlank @Size(max = 255) String> ids,
      @Size(min = 1, max = 128) String segment,
      @Min(1) @Max(MAX_CONTACTS) Integer limit,
      @Valid SyntheticAudience synthetic) {

    public int limitOrDefault() {
      return limit == null ? MAX_CONTACTS : limit;
    }
  }

  /**
   * {@code count} made-up contacts: time zones and lifecycle stages taken in turn, the same
   * attributes for all, a score drawn between {@code min} and {@code max}, and past events each
   * contact did with the probability {@code share}.
   */
  public record SyntheticAudience(
      @NotNull @Min(1) @Max(MAX_CONTACTS) Integer count,
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> timeZones,
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> lifecycleStages,
      Map<String, Object> attributes,
      @Valid ScoreRange engagementScores,
      @Size(max = 100) List<@Valid @NotNull SharedPastEvent> pastEvents) {

    public List<String> timeZonesOrNone() {
      return timeZones == null ? List.of() : timeZones;
    }

    public List<String> lifecycleStagesOrNone() {
      return lifecycleStages == null ? List.of() : lifecycleStages;
    }

    public List<SharedPastEvent> pastEventsOrNone() {
      return pastEvents == null ? List.of() : pastEvents;
    }
  }

  public record ScoreRange(@NotNull @PositiveOrZero Double min, @NotNull @PositiveOrZero Double max) {
  }

  /** Something the part {@code share} of the synthetic contacts did {@code ago} before the start. */
  public record SharedPastEvent(@NotBlank @Size(max = 128) String type, @NotNull Duration ago,
      @DecimalMin("0") @DecimalMax("1") Double share, Map<String, Object> properties) {
  }

  /** Something the part {@code share} of the contacts (default all) does {@code after} the start. */
  public record ForecastEvent(@NotNull Duration after, @NotBlank @Size(max = 128) String type,
      @DecimalMin("0") @DecimalMax("1") Double share, Map<String, Object> properties) {

    ScriptedEvent scripted() {
      return new ScriptedEvent(after, type, properties);
    }
  }
}
