package io.itinera.api.event;

import io.itinera.api.ItineraApi;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** A track call: {@code {contactId, type, properties, occurredAt?, messageId?}}. */
record EventRequest(
    @NotBlank @Pattern(regexp = ItineraApi.CONTACT_ID, message = "must be an id of letters, digits and . _ @ : + -")
    String contactId,
    @NotBlank @Size(max = 128) String type,
    Map<String, Object> properties,
    Instant occurredAt,
    @Size(max = 255) String messageId) {
}
