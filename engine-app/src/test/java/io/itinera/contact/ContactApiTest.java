package io.itinera.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ItineraAppTest
class ContactApiTest {

  @Autowired
  TestRestTemplate http;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
  }

  @Test
  void createsAContactAndReadsItBack() {
    var created = api.put("/api/contacts/{id}", Map.of(
        "email", "ann@example.com", "timezone", "Europe/Berlin", "locale", "de-DE", "lifecycleStage", "lead",
        "attributes", Map.of("firstName", "Ann", "plan", "pro", "seats", 5, "trial", true, "trialEnds", "2026-12-31")),
        contact);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var read = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(read.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(read.get("timezone").asText()).isEqualTo("Europe/Berlin");
    assertThat(read.get("locale").asText()).isEqualTo("de-DE");
    assertThat(read.get("lifecycleStage").asText()).isEqualTo("lead");
    assertThat(read.at("/attributes/seats").asInt()).isEqualTo(5);
    assertThat(read.at("/attributes/trial").asBoolean()).isTrue();
    assertThat(read.at("/attributes/trialEnds").asText()).isEqualTo("2026-12-31");
    assertThat(read.get("engagementScore").asDouble()).isZero();
    assertThat(read.get("subscription").asText()).isEqualTo("subscribed");
    assertThat(read.get("segments")).isEmpty();
    assertThat(read.get("journeys")).isEmpty();
  }

  @Test
  void mergesAPartialUpdateAndRemovesWhatIsSetToNull() {
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com", "lifecycleStage", "lead",
        "attributes", Map.of("plan", "pro", "seats", 5)), contact);
    var change = new HashMap<String, Object>();
    change.put("lifecycleStage", null);
    var attributes = new HashMap<String, Object>();
    attributes.put("seats", null);
    attributes.put("company", "Acme");
    change.put("attributes", attributes);

    var updated = api.put("/api/contacts/{id}", change, contact);

    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    var body = updated.getBody();
    assertThat(body.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(body.get("lifecycleStage").isNull()).isTrue();
    assertThat(body.get("timezone").asText()).isEqualTo("UTC");
    assertThat(body.get("attributes").properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("plan", "company");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "email that is no address | {\"email\": \"not-an-address\"} | email",
      "unknown time zone | {\"timezone\": \"Mars/Olympus\"} | timezone",
      "ill-formed locale | {\"locale\": \"en_GB!\"} | locale",
      "unknown field | {\"emial\": \"ann@example.com\"} | emial",
      "attribute of unknown type | {\"attributes\": {\"address\": {\"city\": \"Berlin\"}}} | attributes.address",
      "invalid JSON | {\"email\": | body",
      "wrong JSON type | {\"attributes\": [1, 2]} | attributes"})
  void refusesBadInputNamingTheFieldAndWritesNothing(String problem, String body, String field) {
    var response = putRaw(contact, body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    assertThat(api.get("/api/contacts/{id}", contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesABodyOver256Kilobytes() {
    var response = putRaw(contact, "{\"attributes\": {\"notes\": \"" + "x".repeat(300 * 1024) + "\"}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo("body");
    assertThat(api.get("/api/contacts/{id}", contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void refusesAContactIdThatIsNotAnId() {
    var response = api.put("/api/contacts/{id}", Map.of("email", "ann@example.com"), "-starts-with-dash");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("field").asText()).isEqualTo("contactId");
  }

  @Test
  void answersNotFoundForAnUnknownContact() {
    var response = api.get("/api/contacts/{id}", contact);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void requiresAValidApiKey() {
    var withoutKey = api.withKey(null).get("/api/contacts/{id}", contact);
    var wrongKey = api.withKey("guessed-key").get("/api/contacts/{id}", contact);
    var otherAppsKey = api.withKey("other-app-key").get("/api/contacts/{id}", contact);

    assertThat(withoutKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(withoutKey.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(otherAppsKey.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void erasesAContactCancelsItsJourneysAndSuppressesItsAddress() {
    api.put("/api/contacts/{id}", Map.of("email", "Erased.Person@Example.com"), contact);
    var signup = api.track(contact, "signup", Map.of("source", "website"));
    var run = signup.at("/started/0/processInstanceId").asText();

    var erased = api.delete("/api/contacts/{id}", contact);

    assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.get("/api/contacts/{id}", contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    var runs = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .getForObject("/engine-rest/process-instance?businessKey={id}", JsonNode.class, contact);
    assertThat(runs).isEmpty();
    var history = http.withBasicAuth(ItineraAppTest.ADMIN, ItineraAppTest.ADMIN_PASSWORD)
        .getForObject("/engine-rest/history/process-instance?processInstanceId={id}", JsonNode.class, run);
    assertThat(history).isEmpty();

    var newcomer = "c-" + UUID.randomUUID();
    var sameAddress = api.put("/api/contacts/{id}", Map.of("email", "erased.person@example.com"), newcomer);
    assertThat(sameAddress.getBody().get("subscription").asText()).isEqualTo("suppressed");
    assertThat(api.delete("/api/contacts/{id}", contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<JsonNode> putRaw(String contactId, String json) {
    var headers = new HttpHeaders();
    headers.setBearerAuth(ItineraAppTest.API_KEY);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/contacts/{id}", HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class,
        contactId);
  }
}
