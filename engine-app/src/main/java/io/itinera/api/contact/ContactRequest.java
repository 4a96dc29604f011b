package io.itinera.api.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of an identify call. Which fields were sent matters as much as their values (a field
 * left out stays as stored, a field sent as null is cleared), so the controller reads the JSON
 * object first and this record from it.
 */
@Schema(description = "Fields left out stay as stored; null clears a field or removes an attribute", example = """
    {"email": "ann@example.com", "timezone": "Europe/Berlin", "locale": "de-DE", "lifecycleStage": "customer",
     "attributes": {"firstName": "Ann", "plan": "pro", "renewsOn": "2027-03-01"}}""")
record ContactRequest(
    @Email(message = "must be an email address") @Size(max = 320) String email,
    @Size(max = 64) String timezone,
    @Size(max = 35) String locale,
    @Size(max = 64) String lifecycleStage,
    Map<String, Object> attributes) {
}
