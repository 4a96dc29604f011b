package io.itinera.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A contact that exists only in the simulation: who it is, where it lives, what it has done. An
 * absent email gets a made-up one; an empty one ({@code ""}) is a contact without an address, which
 * every Send email step skips; {@code subscribed: false} means unsubscribed from marketing.
 */
public record SimulatedContact(
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@:+\\-]{0,254}", message = "must be an id of letters, digits and . _ @ : + -")
    String id,
    @Email @Size(max = 320) String email,
    @Size(max = 64) String timeZone,
    @Size(max = 35) String locale,
    @Size(max = 64) String lifecycleStage,
    Map<String, Object> attributes,
    @Size(max = 100) List<@NotNull @Size(min = 1, max = 128) String> segments,
    Boolean subscribed,
    Boolean suppressed,
    @PositiveOrZero Double engagementScore,
    @Size(max = 1000) List<@Valid @NotNull PastEvent> pastEvents) {

  static final SimulatedContact ANONYMOUS = new SimulatedContact(null, null, null, null, null, null, null, null, null,
      null, null);

  public List<PastEvent> history() {
    return pastEvents == null ? List.of() : pastEvents;
  }

  public List<String> segmentsOrNone() {
    return segments == null ? List.of() : segments;
  }

  public Map<String, Object> attributesOrNone() {
    return attributes == null ? Map.of() : attributes;
  }
}
