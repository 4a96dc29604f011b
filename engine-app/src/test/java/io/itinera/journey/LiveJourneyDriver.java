package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineJobs;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Contacts in a {@link VersionedJourney}, for the tests of changing a live journey: in through the API, out through the outbox. */
final class LiveJourneyDriver {

  private final ApiClient api;
  private final ManagementService management;
  private final HistoryService history;
  private final Outbox outbox;
  private final VersionedJourney journey;

  LiveJourneyDriver(ApiClient api, ManagementService management, HistoryService history, Outbox outbox,
      VersionedJourney journey) {
    this.api = api;
    this.management = management;
    this.history = history;
    this.outbox = outbox;
    this.journey = journey;
  }

  String aContact() {
    var contact = "c-" + UUID.randomUUID();
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com"), contact);
    return contact;
  }

  /** The contact enters, is sent the welcome email and waits at the timer; returns the run. */
  String enter(String contact) {
    var run = api.track(contact, journey.entry, Map.of()).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    return run;
  }

  /** From history, which knows finished runs too. */
  int versionOf(String run) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
        .getProcessDefinitionVersion();
  }

  List<String> templatesSentTo(String contact) {
    return outbox.ofContact(contact).stream().map(OutboxMessage::template).toList();
  }

  static void assertBadField(ResponseEntity<JsonNode> answer, String field, String detail) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
    assertThat(answer.getBody().get("detail").asText()).contains(detail);
  }
}
