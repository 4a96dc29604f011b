package io.itinera.api.template;

import io.itinera.api.ItineraApi;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * A preview with sample data: {@code {contactId, event?, vars?}}, where {@code event} holds the
 * trigger event's properties ({@code ${event.…}}) and {@code vars} other journey variables ({@code ${vars.…}}).
 */
record TemplatePreviewRequest(
    @NotBlank @Pattern(regexp = ItineraApi.CONTACT_ID, message = "must be an id of letters, digits and . _ @ : + -")
    String contactId,
    Map<String, Object> event,
    Map<String, Object> vars) {
}
