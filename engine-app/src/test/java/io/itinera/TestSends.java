package io.itinera;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.http.ResponseEntity;

/**
 * Sends through the test journey {@code test-channels} (its Send on best channel step takes its inputs from the
 * event) and reads back a contact's messages per channel: for tests of the rules every send obeys.
 */
public final class TestSends {

  private final ApiClient api;
  private final ManagementService management;
  private final String contact;

  public TestSends(ApiClient api, ManagementService management, String contact) {
    this.api = api;
    this.management = management;
    this.contact = contact;
  }

  /**
   * Creates the contact in Europe/Berlin with an email address and a phone number (random, ending in
   * {@code lastDigit}) with SMS consent; returns the API's answer.
   */
  public ResponseEntity<JsonNode> createContact(int lastDigit) {
    var phone = "+4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000)) + lastDigit;
    return api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "phone", phone,
        "timezone", "Europe/Berlin", "smsConsent", Map.of("status", "granted", "source", "checkout-form")), contact);
  }

  /** Starts the test journey with these step inputs and runs its step; returns the run. */
  public String send(Map<String, Object> inputs) {
    var run = api.track(contact, "test_channels", inputs).at("/started/0/processInstanceId").asText();
    EngineJobs.runDue(management, run);
    return run;
  }

  /** The contact's messages on one channel, oldest first (in any order when queued at the same moment). */
  public List<JsonNode> messages(String channel) {
    var all = new ArrayList<JsonNode>();
    api.get("/api/contacts/{id}/messages", contact).getBody().forEach(message -> {
      if (message.get("channel").asText().equals(channel)) {
        all.add(0, message);
      }
    });
    return all;
  }

  /** The newest message on the channel. */
  public JsonNode last(String channel) {
    var all = messages(channel);
    return all.get(all.size() - 1);
  }
}
