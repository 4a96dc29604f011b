package io.itinera.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.Concurrently;
import io.itinera.EngineDeployments;
import io.itinera.ItineraAppTest;
import io.itinera.catalogue.NameCatalogue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The name warning: an attribute or event property that expressions read but no contact or event
 * has ever had is flagged, a name in use is not, and a catalogue that knows nothing flags nothing.
 */
@ItineraAppTest
class NameWarningsTest {

  private static final String TRIGGER = "check_names_started";

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  RepositoryService repository;
  @Autowired
  JourneyCheck check;
  @Autowired
  NameCatalogue catalogue;

  private ApiClient api;

  /** Contacts and events with the names the journey spells right, through the API as apps send them. */
  @BeforeEach
  void contactsAndEventsHaveHadTheirNames() {
    api = new ApiClient(http);
    var contact = "names-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("attributes", Map.of("plan", "pro", "firstName", "Ann")), contact);
    api.track(contact, TRIGGER, Map.of("source", "website", "plan", "pro"));
  }

  @Test
  void warnsOfNamesNoContactOrEventHasHad() {
    var warnings = validate(bpmn("check-journeys/check-names.bpmn")).path("warnings");

    assertThat(warnings).extracting(warning -> warning.path("element").asText() + ": "
        + warning.path("message").asText().replaceAll(" \\(known: .*", ""))
        .containsExactly(
            "Flow_Pro: `contact.attributes.paln`: no contact has had an attribute 'paln'",
            "Task_SendOffer: `event.sorce`: no event that starts this journey has had a property 'sorce'",
            "Task_SendOffer: `lastEvent.zipp`: no event has had a property 'zipp'");
    assertThat(warnings.get(0).path("message").asText()).contains("(known: plan, ");
    assertThat(warnings.get(1).path("message").asText()).contains("(known: source, plan); check the spelling");
  }

  @Test
  void deploysAJourneyWithNameWarnings() {
    var deployed = EngineDeployments.create(http, "check-names.bpmn", bpmn("check-journeys/check-names.bpmn"));

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    repository.deleteDeployment(deployed.getBody().path("id").asText(), true);
  }

  /** A fresh install has seen no contact and no event yet: every name would be "unknown", so none is. */
  @Test
  void warnsOfNoNameWhileTheCatalogueIsEmpty() {
    onAFreshInstall(() -> assertThat(nameWarnings(bpmn("check-journeys/check-names.bpmn"))).isEmpty());
  }

  /** The shipped journeys read only names their events carry and, on a fresh install, warn of nothing. */
  @Test
  void shippedJourneysReadNamesTheirEventsCarry() throws IOException {
    // What the apps send with the events that start the shipped journeys (README, "Journeys").
    transaction.executeWithoutResult(status -> {
      catalogue.recordProperties("signup", Set.of("source", "email"));
      catalogue.recordProperties("purchase", Set.of("orderId", "total", "revenue"));
      catalogue.recordProperties("cart_abandoned", Set.of("total", "items"));
    });
    for (var journey : new PathMatchingResourcePatternResolver().getResources("classpath*:journeys/*.bpmn")) {
      var bpmn = journey.getContentAsByteArray();
      assertThat(nameWarnings(bpmn)).as(journey.getFilename()).isEmpty();
      onAFreshInstall(() -> assertThat(nameWarnings(bpmn)).as(journey.getFilename() + " on a fresh install").isEmpty());
    }
  }

  @Test
  void recordsEachNewNameOnceUnderConcurrentIntake() throws Exception {
    var type = "names_concurrent_" + UUID.randomUUID().toString().substring(0, 8);

    Concurrently.run(4, transaction, caller -> api.track("names-" + caller + "-" + UUID.randomUUID(), type,
        Map.of("colour", "red", "size", caller, "caller" + caller % 2, true)));

    assertThat(propertyRows(type)).containsExactlyInAnyOrder("caller0", "caller1", "colour", "size");
  }

  /** The hot path: a name this node has recorded costs no write, so a row removed behind its back stays removed. */
  @Test
  void writesNoRowForANameAlreadyRecorded() {
    var type = "names_known_" + UUID.randomUUID().toString().substring(0, 8);
    api.track("names-" + UUID.randomUUID(), type, Map.of("colour", "red"));
    jdbc.sql("DELETE FROM event_property_name WHERE event_type = ?").param(type).update();

    api.track("names-" + UUID.randomUUID(), type, Map.of("colour", "blue", "size", 3));

    assertThat(propertyRows(type)).containsExactly("size");
  }

  /** A name written by a transaction that rolled back (an intake taken in again) is written again next time. */
  @Test
  void recordsAgainANameWhoseTransactionRolledBack() {
    var type = "names_rolled_back_" + UUID.randomUUID().toString().substring(0, 8);
    transaction.executeWithoutResult(status -> {
      catalogue.recordProperties(type, Set.of("colour"));
      status.setRollbackOnly();
    });

    api.track("names-" + UUID.randomUUID(), type, Map.of("colour", "red"));

    assertThat(propertyRows(type)).containsExactly("colour");
  }

  /** Runs {@code check} with an empty catalogue, in a transaction rolled back afterwards, so other tests keep their names. */
  private void onAFreshInstall(Runnable check) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("DELETE FROM attribute_name").update();
      jdbc.sql("DELETE FROM event_property_name").update();
      check.run();
      status.setRollbackOnly();
    });
  }

  private List<String> propertyRows(String type) {
    return jdbc.sql("SELECT name FROM event_property_name WHERE event_type = ? ORDER BY name").param(type)
        .query(String.class).list();
  }

  private List<Problem> nameWarnings(byte[] bpmn) {
    return check.examine(new ByteArrayInputStream(bpmn)).warnings().stream()
        .filter(warning -> warning.message().startsWith("`")).toList();
  }

  private JsonNode validate(byte[] bpmn) {
    var headers = new HttpHeaders();
    headers.setBearerAuth(ItineraAppTest.API_KEY);
    headers.setContentType(MediaType.APPLICATION_XML);
    return http.postForEntity("/api/journeys/validate", new HttpEntity<>(bpmn, headers), JsonNode.class).getBody();
  }

  private static byte[] bpmn(String path) {
    try {
      return new ClassPathResource(path).getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
