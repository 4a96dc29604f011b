package io.itinera.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hostile input at the API: every bad value is a 400 problem naming its field, nothing is written,
 * a batch answers each event on its own, and no answer speaks Java.
 */
@ItineraAppTest
class ApiInputTest {

  private static final String CONTACT = "{contact}";
  private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

  @Autowired
  TestRestTemplate http;
  @Autowired
  ObjectMapper json;

  private final String contact = "c-" + UUID.randomUUID();

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  static Stream<Arguments> badEvents() {
    return Stream.of(
        Arguments.of("email over 320 characters", event("\"properties\": {\"email\": \"" + "a".repeat(315) + "@x.com\"}"),
            "properties.email"),
        Arguments.of("email not text", event("\"properties\": {\"email\": 5}"), "properties.email"),
        Arguments.of("type a number", "{\"contactId\": \"" + CONTACT + "\", \"type\": 5}", "type"),
        Arguments.of("type a decimal", "{\"contactId\": \"" + CONTACT + "\", \"type\": 1.5}", "type"),
        Arguments.of("type a boolean", "{\"contactId\": \"" + CONTACT + "\", \"type\": false}", "type"),
        Arguments.of("contactId a boolean", "{\"contactId\": true, \"type\": \"signup\"}", "contactId"),
        Arguments.of("contactId over 255 characters", "{\"contactId\": \"" + "c".repeat(256) + "\", \"type\": \"x\"}",
            "contactId"),
        Arguments.of("type over 128 characters", "{\"contactId\": \"" + CONTACT + "\", \"type\": \"" + "t".repeat(129)
            + "\"}", "type"),
        Arguments.of("messageId over 255 characters", event("\"messageId\": \"" + "m".repeat(256) + "\""), "messageId"),
        Arguments.of("messageId a number", event("\"messageId\": 42"), "messageId"),
        Arguments.of("properties a string", event("\"properties\": \"website\""), "properties"),
        Arguments.of("properties an array", event("\"properties\": [1, 2]"), "properties"),
        Arguments.of("property name over 128 characters", event("\"properties\": {\"" + "n".repeat(129) + "\": 1}"),
            "properties"),
        Arguments.of("property value over 2000 characters",
            event("\"properties\": {\"note\": \"" + "v".repeat(2001) + "\"}"), "properties.note"),
        Arguments.of("more than 100 properties", event("\"properties\": " + names(0, 101, "1")), "properties"),
        Arguments.of("array of more than 100 values",
            event("\"properties\": {\"list\": [" + "0,".repeat(100) + "0]}"), "properties.list"),
        Arguments.of("properties nested 6 deep",
            event("\"properties\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {}}}}}}"), "properties.a.b.c.d.e"),
        Arguments.of("number too large to read back", event("\"properties\": {\"score\": 1e400}"), "properties.score"),
        Arguments.of("revenue beyond its column", event("\"properties\": {\"revenue\": 1e20}"), "properties.revenue"),
        Arguments.of("occurredAt in year 9999", event("\"occurredAt\": \"9999-12-31T23:59:59Z\""), "occurredAt"),
        Arguments.of("occurredAt at epoch zero", event("\"occurredAt\": \"1970-01-01T00:00:00Z\""), "occurredAt"),
        Arguments.of("occurredAt before the common era", event("\"occurredAt\": \"-999999999-01-01T00:00:00Z\""),
            "occurredAt"),
        Arguments.of("occurredAt not a date", event("\"occurredAt\": \"yesterday\""), "occurredAt"),
        Arguments.of("occurredAt a boolean", event("\"occurredAt\": true"), "occurredAt"),
        Arguments.of("misspelt field", "{\"contactID\": \"" + CONTACT + "\", \"type\": \"signup\"}", "contactID"),
        Arguments.of("body an array", "[]", "body"),
        Arguments.of("body null", "null", "body"),
        Arguments.of("malformed JSON", "{\"contactId\": ", "body"));
  }

  static Stream<Arguments> badContacts() {
    return Stream.of(
        Arguments.of("email over 320 characters", "{\"email\": \"" + "a".repeat(64) + "@" + "d".repeat(255) + ".com\"}",
            "email"),
        Arguments.of("email a number", "{\"email\": 5}", "email"),
        Arguments.of("timezone over 64 characters", "{\"timezone\": \"" + "Z".repeat(65) + "\"}", "timezone"),
        Arguments.of("timezone a number", "{\"timezone\": 1}", "timezone"),
        Arguments.of("locale a boolean", "{\"locale\": true}", "locale"),
        Arguments.of("locale over 35 characters", "{\"locale\": \"en-" + "a1234567-".repeat(5) + "x\"}", "locale"),
        Arguments.of("lifecycleStage over 64 characters", "{\"lifecycleStage\": \"" + "s".repeat(65) + "\"}",
            "lifecycleStage"),
        Arguments.of("attribute value over 2000 characters",
            "{\"attributes\": {\"notes\": \"" + "x".repeat(2001) + "\"}}", "attributes.notes"),
        Arguments.of("attribute name over 128 characters", "{\"attributes\": {\"" + "n".repeat(129) + "\": 1}}",
            "attributes"),
        Arguments.of("more than 100 attributes", "{\"attributes\": " + names(0, 101, "true") + "}", "attributes"),
        Arguments.of("attribute number too large to read back", "{\"attributes\": {\"score\": -1e400}}",
            "attributes.score"),
        Arguments.of("attributes a string", "{\"attributes\": \"plan=pro\"}", "attributes"),
        Arguments.of("body an array", "[]", "body"),
        Arguments.of("body null", "null", "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void refusesABadEventNamingTheFieldAndStoresNothing(String problem, String body, String field) {
    var response = send(HttpMethod.POST, "/api/events", body.replace(CONTACT, contact));

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("field").asText()).isEqualTo(field);
    assertThat(contactOf(contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badContacts")
  void refusesABadContactNamingTheFieldAndStoresNothing(String problem, String body, String field) {
    var response = send(HttpMethod.PUT, "/api/contacts/" + contact, body);

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("field").asText()).isEqualTo(field);
    assertThat(contactOf(contact).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void answersABadEventOfABatchAtItsIndexAndTakesInTheOthers() {
    var first = "c-" + UUID.randomUUID();
    var third = "c-" + UUID.randomUUID();
    var body = "{\"batch\": ["
        + "{\"contactId\": \"" + first + "\", \"type\": \"page_viewed\"},"
        + "{\"contactId\": true, \"type\": \"page_viewed\", \"properties\": {\"email\": \"" + "a".repeat(400) + "\"}},"
        + "{\"contactId\": \"" + third + "\", \"type\": \"page_viewed\", \"occurredAt\": \"2026-01-01T00:00:00Z\"}]}";

    var response = send(HttpMethod.POST, "/api/events/batch", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var results = read(response).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).at("/outcome/eventId").isNumber()).isTrue();
    assertThat(results.get(1).get("index").asInt()).isEqualTo(1);
    assertThat(results.get(1).has("outcome")).isFalse();
    assertThat(results.get(1).at("/problem/field").asText()).isEqualTo("batch[1].contactId");
    assertThat(results.get(1).at("/problem/status").asInt()).isEqualTo(400);
    assertThat(results.get(2).at("/outcome/eventId").isNumber()).isTrue();
    assertThat(contactOf(first).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(contactOf(third).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void answersEventsOfABatchThatAreNoObjectsAtTheirIndex() {
    var body = "{\"batch\": [{\"contactId\": \"" + contact + "\", \"type\": \"page_viewed\"}, 5, null, [],"
        + " {\"contactId\": \"" + contact + "\", \"type\": \"page_viewed\", \"occurredAt\": \"9999-01-01T00:00:00Z\"}]}";

    var results = read(send(HttpMethod.POST, "/api/events/batch", body)).get("results");

    assertThat(results.get(0).has("outcome")).isTrue();
    assertThat(IntStream.range(1, 5).mapToObj(index -> results.get(index).at("/problem/field").asText()))
        .containsExactly("batch[1]", "batch[2]", "batch[3]", "batch[4].occurredAt");
  }

  @Test
  void refusesAMalformedBatchAsAWholeNamingTheBody() {
    var response = send(HttpMethod.POST, "/api/events/batch", "{\"batch\": [{\"contactId\": ]}");

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("field").asText()).isEqualTo("body");
    assertThat(read(response).get("detail").asText()).startsWith("Malformed JSON at line 1");
  }

  @Test
  void acceptsOccurredAtWithinTheClockSkewAndNoFurther() {
    EngineTime.freeze();

    var skewed = track("\"occurredAt\": \"" + EngineTime.NOON.plus(Duration.ofMinutes(4)) + "\"");
    var ahead = track("\"occurredAt\": \"" + EngineTime.NOON.plus(Duration.ofMinutes(6)) + "\"");

    assertThat(skewed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertProblem(ahead, HttpStatus.BAD_REQUEST);
    assertThat(read(ahead).get("field").asText()).isEqualTo("occurredAt");
  }

  @Test
  void refusesAChangeThatWouldLeaveAContactWithMoreThan100Attributes() {
    assertThat(send(HttpMethod.PUT, "/api/contacts/" + contact, "{\"attributes\": " + names(0, 100, "1") + "}")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    var oneMore = send(HttpMethod.PUT, "/api/contacts/" + contact, "{\"attributes\": {\"extra\": 1}}");
    var replacing = send(HttpMethod.PUT, "/api/contacts/" + contact, "{\"attributes\": {\"n0\": null, \"extra\": 1}}");

    assertProblem(oneMore, HttpStatus.BAD_REQUEST);
    assertThat(read(oneMore).get("field").asText()).isEqualTo("attributes");
    assertThat(replacing.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(contactOf(contact)).get("attributes").size()).isEqualTo(100);
  }

  @Test
  void refusesAttributesThatTogetherWouldNotFitTheirColumn() {
    var quotes = "\\\"".repeat(JsonValueLimits.MAX_TEXT_LENGTH);
    var firstHalf = names(0, 50, "\"" + quotes + "\"");
    var secondHalf = names(50, 50, "\"" + quotes + "\"");

    var first = send(HttpMethod.PUT, "/api/contacts/" + contact, "{\"attributes\": " + firstHalf + "}");
    var second = send(HttpMethod.PUT, "/api/contacts/" + contact, "{\"attributes\": " + secondHalf + "}");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertProblem(second, HttpStatus.BAD_REQUEST);
    assertThat(read(second).get("field").asText()).isEqualTo("attributes");
    assertThat(read(contactOf(contact)).get("attributes").size()).isEqualTo(50);
  }

  @Test
  void refusesAQueryParameterOfTheWrongTypeNamingIt() {
    var response = send(HttpMethod.GET, "/api/segments/vip?page=first", null);

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("field").asText()).isEqualTo("page");
  }

  @Test
  void refusesAMissingQueryParameterNamingIt() {
    var response = send(HttpMethod.GET, "/api/templates/welcome/preview", null);

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(read(response).get("field").asText()).isEqualTo("contactId");
  }

  @Test
  void answersCallsThatMatchNoApiCallWithProblems() {
    var unknownPath = send(HttpMethod.GET, "/api/no-such-call", null);
    var wrongMethod = send(HttpMethod.DELETE, "/api/events", null);
    var wrongBodyType = exchange(HttpMethod.POST, "/api/events", "contactId=ann", MediaType.TEXT_PLAIN,
        ANSWERS, ItineraAppTest.API_KEY);
    var wrongAnswerType = exchange(HttpMethod.GET, "/api/journeys", null, MediaType.APPLICATION_JSON,
        List.of(MediaType.TEXT_HTML), ItineraAppTest.API_KEY);
    var withoutKey = exchange(HttpMethod.GET, "/api/journeys", null, MediaType.APPLICATION_JSON,
        ANSWERS, null);

    assertProblem(unknownPath, HttpStatus.NOT_FOUND);
    assertProblem(wrongMethod, HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(wrongMethod.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
    assertProblem(wrongBodyType, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertProblem(wrongAnswerType, HttpStatus.NOT_ACCEPTABLE);
    assertProblem(withoutKey, HttpStatus.UNAUTHORIZED);
  }

  @Test
  void leavesAnswersOutsideTheApiToSpring() {
    var response = exchange(HttpMethod.GET, "/no-such-page", null, MediaType.APPLICATION_JSON,
        ANSWERS, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void neverNamesJavaClassesInAnAnswer() {
    var answers = Stream.concat(
        Stream.concat(badEvents(), badContacts()).map(arguments -> (String) arguments.get()[1])
            .flatMap(body -> Stream.of(
                send(HttpMethod.POST, "/api/events", body.replace(CONTACT, contact)),
                send(HttpMethod.PUT, "/api/contacts/" + contact, body),
                send(HttpMethod.POST, "/api/events/batch", "{\"batch\": [" + body.replace(CONTACT, contact) + "]}"))),
        Stream.of(
            send(HttpMethod.POST, "/api/events/batch", "{\"batch\": {}}"),
            send(HttpMethod.POST, "/api/events/batch", "{\"batch\": \"all\"}"),
            send(HttpMethod.GET, "/api/segments/vip?size=many", null),
            send(HttpMethod.GET, "/api/no-such-call", null),
            send(HttpMethod.PATCH, "/api/contacts/" + contact, "{}"),
            exchange(HttpMethod.POST, "/api/events", "<event/>", MediaType.APPLICATION_XML, ANSWERS,
                ItineraAppTest.API_KEY)))
        .toList();

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.getStatusCode().is5xxServerError()).as(answer.getBody()).isFalse();
      assertThat(answer.getBody()).doesNotContain("java.", "io.itinera.", "Exception", "\tat ");
    });
  }

  private static String event(String fields) {
    return "{\"contactId\": \"" + CONTACT + "\", \"type\": \"page_viewed\", " + fields + "}";
  }

  /** A JSON object of {@code count} names from {@code n<first>} on, all with the same value. */
  private static String names(int first, int count, String value) {
    return IntStream.range(first, first + count).mapToObj(i -> "\"n" + i + "\": " + value)
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private ResponseEntity<String> track(String fields) {
    return send(HttpMethod.POST, "/api/events", event(fields).replace(CONTACT, contact));
  }

  private ResponseEntity<String> contactOf(String id) {
    return send(HttpMethod.GET, "/api/contacts/" + id, null);
  }

  private ResponseEntity<String> send(HttpMethod method, String path, String body) {
    return exchange(method, path, body, MediaType.APPLICATION_JSON, ANSWERS, ItineraAppTest.API_KEY);
  }

  private ResponseEntity<String> exchange(HttpMethod method, String path, String body, MediaType contentType,
      List<MediaType> accept, String apiKey) {
    var headers = new HttpHeaders();
    if (apiKey != null) {
      headers.setBearerAuth(apiKey);
    }
    headers.setContentType(contentType);
    headers.setAccept(accept);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode read(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
