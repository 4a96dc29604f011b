package io.itinera.api.event;

import io.itinera.api.ItineraApi;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** A track call: {@code {contactId, type, properties, occurredAt?, messageId?}}. */
@Schema(description = "One event; occurredAt defaults to now, the same messageId twice is one event",
    example = EventRequest.EXAMPLE)
record EventRequest(
    @NotBlank @Pattern(regexp = ItineraApi.CONTACT_ID, message = "must be an id of letters, digits and . _ @ : + -")
    String contactId,
    @NotBlank @Size(max = 128) String type,
    Map<String, Object> properties,
    Instant occurredAt,
    @Size(max = 255) String messageId) {

  static final String EXAMPLE = """
      {"contactId": "ann-42", "type": "cart_abandoned", "properties": {"total": 59.9, "items": 2},
       "occurredAt": "2026-11-29T16:00:00Z", "messageId": "shop-7d1c"}""";
}
