package io.itinera.api.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.api.JsonValueLimits;
import io.itinera.api.Problems;
import io.itinera.api.RequestValidator;
import io.itinera.contact.AttributesTooLargeException;
import io.itinera.contact.Change;
import io.itinera.contact.Consent;
import io.itinera.contact.ContactErasure;
import io.itinera.contact.ContactPatch;
import io.itinera.contact.ContactUpdate;
import io.itinera.contact.ContactUpdates;
import io.itinera.contact.Contacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Identify: apps create, update, read and erase contacts. */
@RestController
@ItineraApi
@Tag(name = "Contacts", description = "Identify: create, update, read and erase contacts")
@RequestMapping("/api/contacts")
class ContactController {

  private static final int MAX_LOCALE = 35;

  private final ContactUpdates updates;
  private final ContactErasure erasure;
  private final Contacts contacts;
  private final ContactProfiles profiles;
  private final ObjectMapper json;
  private final RequestValidator validator;
  private final JsonValueLimits limits;
  private final Clock clock;
  private final TopicChoiceRequests topics;

  ContactController(ContactUpdates updates, ContactErasure erasure, Contacts contacts, ContactProfiles profiles,
      ObjectMapper json, RequestValidator validator, JsonValueLimits limits, Clock clock, TopicChoiceRequests topics) {
    this.clock = clock;
    this.topics = topics;
    this.updates = updates;
    this.erasure = erasure;
    this.contacts = contacts;
    this.profiles = profiles;
    this.json = json;
    this.validator = validator;
    this.limits = limits;
  }

  @Operation(summary = "Create or update a contact",
      description = "Fields left out stay as stored; a field sent as null is cleared, an attribute sent as null "
          + "removed.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          content = @Content(schema = @Schema(implementation = ContactRequest.class))))
  @ApiResponse(responseCode = "200", description = "The contact was updated")
  @ApiResponse(responseCode = "201", description = "The contact was created")
  @PutMapping("/{contactId}")
  ResponseEntity<ContactResponse> put(@PathVariable String contactId, @RequestBody ObjectNode body)
      throws JsonProcessingException {
    checkContactId(contactId);
    var request = json.treeToValue(body, ContactRequest.class);
    validator.check(request, "");
    if (request.attributes() != null) {
      limits.checkAttributes("attributes", request.attributes());
    }
    final ContactUpdate update;
    try {
      update = updates.apply(contactId, patchOf(body, request, clock.instant()));
    } catch (AttributesTooLargeException tooLarge) {
      throw new InvalidFieldException("attributes", tooLarge.getMessage());
    }
    return ResponseEntity.status(update.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(profiles.of(update.contact()));
  }

  @Operation(summary = "Read a contact with its score, segments, subscription and current journeys")
  @ApiResponse(responseCode = "200", description = "The contact")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @GetMapping("/{contactId}")
  ContactResponse get(@PathVariable String contactId) {
    checkContactId(contactId);
    return contacts.find(contactId).map(profiles::of).orElseThrow(() -> notFound(contactId));
  }

  /** Erases the contact: the right to be forgotten. */
  @Operation(summary = "Erase a contact: the right to be forgotten")
  @ApiResponse(responseCode = "204", description = "The contact was erased")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @DeleteMapping("/{contactId}")
  ResponseEntity<Void> delete(@PathVariable String contactId) {
    checkContactId(contactId);
    if (!erasure.erase(contactId)) {
      throw notFound(contactId);
    }
    return ResponseEntity.noContent().build();
  }

  static void checkContactId(String contactId) {
    if (!contactId.matches(ItineraApi.CONTACT_ID)) {
      throw new InvalidFieldException("contactId",
          "A contact id is 1 to 255 letters, digits and . _ @ : + - and starts with a letter or digit");
    }
  }

  private ContactPatch patchOf(ObjectNode sent, ContactRequest request, Instant now) {
    var smsConsent = request.smsConsent();
    if (sent.has("smsConsent") && smsConsent == null) {
      throw new InvalidFieldException("smsConsent", "SMS consent cannot be cleared: send it as withdrawn");
    }
    if (sent.has("pushConsent") && request.pushConsent() == null) {
      throw new InvalidFieldException("pushConsent", "Push consent cannot be cleared: send it as withdrawn");
    }
    var consents = new LinkedHashMap<String, Consent>();
    if (smsConsent != null) {
      consents.put(Consent.SMS, consent(smsConsent, now));
    }
    if (request.pushConsent() != null) {
      consents.put(Consent.PUSH, consent(request.pushConsent(), now));
    }
    List<String> order = null;
    if (request.channels() != null) {
      order = new ArrayList<>();
      for (int i = 0; i < request.channels().size(); i++) {
        var choice = request.channels().get(i);
        if (order.contains(choice.channel())) {
          throw new InvalidFieldException("channels[" + i + "].channel",
              "'" + choice.channel() + "' is listed twice: list each channel once, most preferred first");
        }
        order.add(choice.channel());
        if (choice.consent() != null && consents.put(choice.channel(), consent(choice.consent(), now)) != null) {
          throw new InvalidFieldException("channels[" + i + "].consent",
              "consent on '" + choice.channel() + "' is also given in " + choice.channel() + "Consent: give it once");
        }
      }
    }
    return new ContactPatch(
        change(sent, "email", request.email(), Function.identity()),
        change(sent, "phone", request.phone(), Function.identity()),
        change(sent, "timezone", request.timezone(), ContactController::timezone),
        change(sent, "locale", request.locale(), ContactController::locale),
        change(sent, "lifecycleStage", request.lifecycleStage(), Function.identity()),
        request.attributes() == null ? Map.of() : request.attributes(),
        consents,
        order,
        topics.choices(request.topics(), request.topicsSource()));
  }

  private static Consent consent(ContactRequest.ConsentChange change, Instant now) {
    return new Consent("granted".equals(change.status()), change.at() == null ? now : change.at(), change.source());
  }

  private static <T, R> Change<R> change(ObjectNode sent, String field, T value, Function<T, R> convert) {
    if (!sent.has(field)) {
      return Change.none();
    }
    return Change.to(value == null ? null : convert.apply(value));
  }

  private static ZoneId timezone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidFieldException("timezone", "Unknown time zone '" + id + "': use an IANA id such as Europe/Berlin");
    }
  }

  /** The tag as Java normalises it, which is what is stored, so its length is checked after. */
  private static String locale(String tag) {
    final String normalised;
    try {
      normalised = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new InvalidFieldException("locale", "Not a language tag such as en-GB: '" + tag + "'");
    }
    if (normalised.length() > MAX_LOCALE) {
      throw new InvalidFieldException("locale", "A language tag is at most " + MAX_LOCALE + " characters");
    }
    return normalised;
  }

  private static ErrorResponseException notFound(String contactId) {
    return Problems.notFound("There is no contact '" + contactId + "'");
  }
}
