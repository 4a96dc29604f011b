package io.itinera.api.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of an identify call. Which fields were sent matters as much as their values (a field
 * left out stays as stored, a field sent as null is cleared), so the controller reads the JSON
 * object first and this record from it.
 */
record ContactRequest(
    @Email(message = "must be an email address") @Size(max = 320) String email,
    @Size(max = 64) String timezone,
    @Size(max = 35) String locale,
    @Size(max = 64) String lifecycleStage,
    Map<String, Object> attributes) {
}
