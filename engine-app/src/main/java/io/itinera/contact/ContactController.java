package io.itinera.contact;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Comparator;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
@RequestMapping("/api/contacts")
class ContactController {

  private static final int MAX_ATTRIBUTE_NAME = 128;

  private final ContactUpdates updates;
  private final ContactErasure erasure;
  private final Contacts contacts;
  private final ContactProfiles profiles;
  private final ObjectMapper json;
  private final Validator validator;

  ContactController(ContactUpdates updates, ContactErasure erasure, Contacts contacts, ContactProfiles profiles,
      ObjectMapper json, Validator validator) {
    this.updates = updates;
    this.erasure = erasure;
    this.contacts = contacts;
    this.profiles = profiles;
    this.json = json;
    this.validator = validator;
  }

  @PutMapping("/{contactId}")
  ResponseEntity<ContactResponse> put(@PathVariable String contactId, @RequestBody ObjectNode body)
      throws JsonProcessingException {
    checkContactId(contactId);
    var request = json.treeToValue(body, ContactRequest.class);
    validator.validate(request).stream()
        .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .ifPresent(violation -> {
          throw new InvalidFieldException(violation.getPropertyPath().toString(),
              violation.getPropertyPath() + ": " + violation.getMessage());
        });
    var update = updates.apply(contactId, patchOf(body, request));
    return ResponseEntity.status(update.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(profiles.of(update.contact()));
  }

  @GetMapping("/{contactId}")
  ContactResponse get(@PathVariable String contactId) {
    checkContactId(contactId);
    return contacts.find(contactId).map(profiles::of).orElseThrow(() -> notFound(contactId));
  }

  /** Erases the contact: the right to be forgotten. */
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

  private static ContactPatch patchOf(ObjectNode sent, ContactRequest request) {
    return new ContactPatch(
        change(sent, "email", request.email(), Function.identity()),
        change(sent, "timezone", request.timezone(), ContactController::timezone),
        change(sent, "locale", request.locale(), ContactController::locale),
        change(sent, "lifecycleStage", request.lifecycleStage(), Function.identity()),
        attributes(request.attributes()));
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

  private static String locale(String tag) {
    try {
      return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new InvalidFieldException("locale", "Not a language tag such as en-GB: '" + tag + "'");
    }
  }

  private static Map<String, Object> attributes(Map<String, Object> attributes) {
    if (attributes == null) {
      return Map.of();
    }
    attributes.forEach((name, value) -> {
      if (name.isBlank() || name.length() > MAX_ATTRIBUTE_NAME) {
        throw new InvalidFieldException("attributes", "Attribute names are 1 to " + MAX_ATTRIBUTE_NAME + " characters");
      }
      if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new InvalidFieldException("attributes." + name,
            "An attribute is a string, number, boolean or date (an ISO-8601 string), or null to remove it");
      }
    });
    return attributes;
  }

  private static ErrorResponseException notFound(String contactId) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "There is no contact '" + contactId + "'");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
