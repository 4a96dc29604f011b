package io.itinera.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The simulator through its API: the timeline of a shipped journey for a synthetic contact. */
@ItineraAppTest
class JourneySimulatorTest {

  @Autowired
  TestRestTemplate http;

  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
  }

  @Test
  void showsTheWelcomeSeriesOfAContactWhoOpensTheFirstEmail() {
    var answer = api.post("/api/journeys/{key}/simulate", Map.of(
        "contact", Map.of("id", "ann", "timeZone", "Asia/Tokyo", "attributes", Map.of("firstName", "Ann")),
        "trigger", Map.of("type", "signup", "properties", Map.of("source", "website")),
        "events", List.of(Map.of("after", "PT30H", "type", "email_opened")),
        "start", "2026-11-27T14:00:00Z"), "welcome-series");

    System.out.println(answer.getBody().toPrettyString());
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
  }
}
