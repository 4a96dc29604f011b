package io.itinera.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.TestJourneys;
import io.itinera.TestSends;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;

/** Where the frequency rule tests start: a new contact in Europe/Berlin, the topic 'deals', the clock frozen. */
final class FrequencyRuleSends {

  private FrequencyRuleSends() {
  }

  /** Creates the contact with an email address and defines 'deals' (opt-out); the test resets the clock. */
  static TestSends start(ApiClient api, RepositoryService repository, ManagementService management) {
    var contact = "c-" + UUID.randomUUID();
    TestJourneys.deploy(repository);
    EngineTime.freeze();
    api.put("/api/topics/{name}", Map.of("default", "opt-out", "label", "Deals"), "deals");
    api.put("/api/contacts/{id}", Map.of("email", contact + "@example.com", "timezone", "Europe/Berlin"), contact);
    return new TestSends(api, management, contact);
  }

  /** Sends a marketing email about {@code topic} with these further inputs; returns the message it recorded. */
  static JsonNode marketingEmail(TestSends sends, String topic, Map<String, Object> inputs) {
    var all = new HashMap<String, Object>(inputs);
    all.putAll(Map.of("template", "welcome", "category", "marketing", "topic", topic));
    sends.send(all);
    return sends.last("email");
  }
}
