package io.itinera;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;

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
