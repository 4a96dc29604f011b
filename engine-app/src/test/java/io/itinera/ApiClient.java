package io.itinera;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the Itinera API as an app would: JSON in, JSON out, with the test API key. */
public class ApiClient {

  private final TestRestTemplate http;
  private final String apiKey;

  public ApiClient(TestRestTemplate http) {
    this(http, ItineraAppTest.API_KEY);
  }

  private ApiClient(TestRestTemplate http, String apiKey) {
    this.http = http;
    this.apiKey = apiKey;
  }

  public ApiClient withKey(String otherKey) {
    return new ApiClient(http, otherKey);
  }

  public ResponseEntity<JsonNode> put(String path, Object body, Object... uriVariables) {
    return exchange(HttpMethod.PUT, path, body, uriVariables);
  }

  public ResponseEntity<JsonNode> post(String path, Object body, Object... uriVariables) {
    return exchange(HttpMethod.POST, path, body, uriVariables);
  }

  public ResponseEntity<JsonNode> get(String path, Object... uriVariables) {
    return exchange(HttpMethod.GET, path, null, uriVariables);
  }

  public ResponseEntity<JsonNode> delete(String path, Object... uriVariables) {
    return exchange(HttpMethod.DELETE, path, null, uriVariables);
  }

  /** Sends one event and returns the answer; fails the test if the API refused it. */
  public JsonNode track(String contactId, String type, Object properties) {
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("contactId", contactId);
    body.put("type", type);
    body.put("properties", properties);
    var response = post("/api/events", body);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("Event refused: " + response.getStatusCode() + " " + response.getBody());
    }
    return response.getBody();
  }

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, Object... uriVariables) {
    var headers = new HttpHeaders();
    if (apiKey != null) {
      headers.setBearerAuth(apiKey);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class, uriVariables);
  }
}
