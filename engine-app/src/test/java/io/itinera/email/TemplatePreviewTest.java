package io.itinera.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** An analyst previews a template with the event and journey variables a run would hold. */
@ItineraAppTest
class TemplatePreviewTest {

  @Autowired
  TestRestTemplate http;

  private final String contact = "c-" + UUID.randomUUID();
  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "attributes", Map.of("firstName", "Ann")),
        contact);
  }

  @Test
  void fillsInTheSampleEventOfTheRun() {
    var preview = api.post("/api/templates/{name}/preview",
        Map.of("contactId", contact, "event", Map.of("orderId", "A-1042", "total", 129.5)), "thank-you");

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(preview.getBody().get("html").asText()).contains("A-1042").contains("Ann");
    assertThat(preview.getBody().get("text").asText()).contains("A-1042");
  }

  @Test
  void answersNotFoundForAnUnknownContactAndNamesABadSample() {
    var unknown = api.post("/api/templates/{name}/preview", Map.of("contactId", "nobody-" + contact), "thank-you");
    var tooDeep = api.post("/api/templates/{name}/preview",
        Map.of("contactId", contact, "event", Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", Map.of("f", 1))))))),
        "thank-you");

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(tooDeep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooDeep.getBody().get("field").asText()).startsWith("event");
  }
}
