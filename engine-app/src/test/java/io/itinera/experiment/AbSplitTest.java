package io.itinera.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.journey.JourneyVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The A/B split step in a running journey, and the experiment results the API gives. */
@ItineraAppTest
class AbSplitTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  private ApiClient api;
  private final String experiment = "offer-" + UUID.randomUUID();

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    TestJourneys.deploy(repository);
  }

  @Test
  void keepsTheContactsVariantWhenItEntersAgain() {
    var contact = "c-" + UUID.randomUUID();

    var first = variantOf(split(contact));
    api.track(contact, "test_split_purchase", Map.of());
    var second = split(contact);

    assertThat(variantOf(second)).isEqualTo(first);
    assertThat(api.get("/api/experiments/{name}", experiment).getBody().get("variants"))
        .extracting(variant -> variant.get("participants").asLong()).containsOnly(0L, 1L);
  }

  @Test
  void countsParticipantsConversionsAndRevenuePerVariant() {
    var converted = new HashMap<String, Integer>();
    for (int i = 0; i < 60; i++) {
      var contact = "c-" + UUID.randomUUID();
      var variant = variantOf(split(contact));
      if (i % 3 == 0) {
        api.track(contact, "test_split_purchase", Map.of("revenue", 25.5));
        converted.merge(variant, 1, Integer::sum);
      }
    }

    var report = api.get("/api/experiments/{name}", experiment).getBody();

    assertThat(report.get("journey").asText()).isEqualTo("test-split");
    assertThat(report.get("control").asText()).isEqualTo("control");
    var total = 0L;
    for (var variant : report.get("variants")) {
      var name = variant.get("variant").asText();
      long conversions = converted.getOrDefault(name, 0);
      total += variant.get("participants").asLong();
      assertThat(variant.get("conversions").asLong()).as(name).isEqualTo(conversions);
      assertThat(variant.get("revenue").asDouble()).as(name).isCloseTo(25.5 * conversions, within(0.001));
      if (variant.get("participants").asLong() > 0) {
        assertThat(variant.get("conversionRate").asDouble())
            .isCloseTo((double) conversions / variant.get("participants").asLong(), within(1e-9));
      }
    }
    assertThat(total).isEqualTo(60);
    assertThat(byName(report, "control").get("differenceToControl").isNull()).isTrue();
    assertThat(byName(report, "treatment").get("confidenceInterval95")).hasSize(2);
    assertThat(byName(report, "treatment").get("pValue").asDouble()).isBetween(0.0, 1.0);
    // 60 contacts over three groups: fewer than 100 in each, too few to name a winner.
    assertThat(report.get("winner").isNull()).isTrue();
    assertThat(report.get("status").asText()).startsWith("collecting data (").endsWith(" of 100 per variant)");
  }

  @Test
  void answersNotFoundForAnUnknownExperiment() {
    assertThat(api.get("/api/experiments/{name}", "never-ran-" + UUID.randomUUID()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String split(String contact) {
    var run = api.track(contact, "test_split", Map.of("experiment", experiment)).at("/started/0/processInstanceId")
        .asText();
    EngineJobs.runDue(management, run);
    return run;
  }

  private String variantOf(String run) {
    return String.valueOf(runtime.getVariable(run, JourneyVariables.VARIANT.name()));
  }

  private static JsonNode byName(JsonNode report, String variant) {
    for (var result : report.get("variants")) {
      if (result.get("variant").asText().equals(variant)) {
        return result;
      }
    }
    throw new AssertionError("No variant " + variant + " in " + report);
  }
}
