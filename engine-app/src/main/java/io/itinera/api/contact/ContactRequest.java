package io.itinera.api.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of an identify call. Which fields were sent matters as much as their values (a field
 * left out stays as stored, a field sent as null is cleared), so the controller reads the JSON
 * object first and this record from it.
 */
@Schema(description = "Fields left out stay as stored; null clears a field or removes an attribute", example = """
    {"email": "ann@example.com", "timezone": "Europe/Berlin", "locale": "de-DE", "lifecycleStage": "customer",
     "phone": "+491701234567", "smsConsent": {"status": "granted", "source": "checkout-form"},
     "channels": [{"channel": "push"}, {"channel": "email"}, {"channel": "sms"}],
     "topics": {"offers": {"email": true, "sms": false}}, "topicsSource": "app-settings",
     "attributes": {"firstName": "Ann", "plan": "pro", "renewsOn": "2027-03-01"}}""")
record ContactRequest(
    @Email(message = "must be an email address") @Size(max = 320) String email,
    @Pattern(regexp = PHONE, message = "must be a phone number in E.164 form: + and 8 to 15 digits, such as +491701234567")
    String phone,
    @Size(max = 64) String timezone,
    @Size(max = 35) String locale,
    @Size(max = 64) String lifecycleStage,
    Map<String, Object> attributes,
    @Valid ConsentChange smsConsent,
    // Push consent has the same shape; subscribing grants it, this withdraws it (or grants it again).
    @Valid ConsentChange pushConsent,
    @Valid @Size(max = 3) List<@NotNull @Valid ChannelChoice> channels,
    // Per topic, per channel: joined (true) or left (false); kept with topicsSource and the time as evidence.
    @Size(max = 100) Map<String, Map<String, Boolean>> topics,
    @Size(max = 255) String topicsSource) {

  /** E.164: a country code that does not start with 0, at most 15 digits in all (8 at least, for a real number). */
  static final String PHONE = "\\+[1-9][0-9]{7,14}";

  /** A change of consent on a channel: {@code at} defaults to when the call arrives. */
  @Schema(example = """
      {"status": "granted", "source": "checkout-form", "at": "2026-11-29T10:15:00Z"}""")
  record ConsentChange(
      @NotNull @Pattern(regexp = "granted|withdrawn", message = "must be 'granted' or 'withdrawn'") String status,
      Instant at,
      @NotBlank @Size(max = 255) String source) {
  }

  /**
   * One of the contact's channels, most preferred first: the list is the contact's channel priority, and a
   * consent given with a channel becomes the contact's consent on it (email: withdrawn unsubscribes).
   */
  @Schema(example = """
      {"channel": "push", "consent": {"status": "granted", "source": "app-settings"}}""")
  record ChannelChoice(
      @NotNull @Pattern(regexp = "email|sms|push", message = "must be 'email', 'sms' or 'push'") String channel,
      @Valid ConsentChange consent) {
  }
}
