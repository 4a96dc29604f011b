package io.itinera.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The segment and Update contact steps in a running journey, and the segment API. */
@ItineraAppTest
class SegmentAndContactStepsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  Segments segments;

  private ApiClient api;
  private final String contact = "c-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com", "lifecycleStage", "lead",
        "attributes", Map.of("trial", true, "orders", 2)), contact);
    segments.add("leads", contact);
  }

  @Test
  void movesTheContactBetweenSegmentsAndUpdatesItsData() {
    runBlocks(Map.of("plan", "pro"));

    var read = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(texts(read.get("segments"))).containsExactly("vip");
    assertThat(read.at("/attributes/plan").asText()).isEqualTo("pro");
    assertThat(read.at("/attributes/source").asText()).isEqualTo("journey");
    assertThat(read.at("/attributes/orders").asLong()).isEqualTo(3);
    assertThat(read.get("attributes").has("trial")).isFalse();
    assertThat(read.get("lifecycleStage").asText()).isEqualTo("customer");
  }

  @Test
  void startsADataDrivenJourneyWhenAStepChangesTheContact() {
    runBlocks(Map.of("plan", "basic"));

    var journeys = new ArrayList<String>();
    api.get("/api/contacts/{id}", contact).getBody().get("journeys")
        .forEach(journey -> journeys.add(journey.get("journey").asText()));
    assertThat(journeys).contains("test-became-customer");
  }

  @Test
  void addsAContactToASegmentOnlyOnceWhenTheStepRunsAgain() {
    runBlocks(Map.of("plan", "pro"));
    runBlocks(Map.of("plan", "pro"));

    var page = api.get("/api/segments/vip?size=1000").getBody();
    assertThat(members(page)).containsOnlyOnce(contact);
  }

  @Test
  void pagesThroughASegment() {
    var segment = "s-" + UUID.randomUUID();
    var members = new ArrayList<String>();
    for (int i = 0; i < 5; i++) {
      var id = contact + "-" + i;
      api.put("/api/contacts/{id}", Map.of("email", id + "@example.com"), id);
      segments.add(segment, id);
      members.add(id);
    }

    var first = api.get("/api/segments/{name}?page=0&size=2", segment).getBody();
    var last = api.get("/api/segments/{name}?page=2&size=2", segment).getBody();
    var tooBig = api.get("/api/segments/{name}?size=5000", segment);

    assertThat(first.get("total").asLong()).isEqualTo(5);
    assertThat(members(first)).containsExactly(members.get(0), members.get(1));
    assertThat(members(last)).containsExactly(members.get(4));
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooBig.getBody().get("field").asText()).isEqualTo("size");
  }

  private void runBlocks(Map<String, Object> event) {
    var run = api.track(contact, "test_blocks", event).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
  }

  private static List<String> members(JsonNode page) {
    var ids = new ArrayList<String>();
    page.get("members").forEach(member -> ids.add(member.get("contactId").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    var texts = new ArrayList<String>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
