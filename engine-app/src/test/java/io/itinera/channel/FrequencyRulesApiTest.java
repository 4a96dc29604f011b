package io.itinera.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestSends;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Frequency rules set through {@code /api/frequency-rules}: they replace the configured three (see
 * {@link ItineraAppTest}) until deleted, and a wrong list changes nothing. The clock starts at noon in Berlin, the
 * contact's zone; email keeps two hours from any other message, so sends here are three hours apart.
 */
@ItineraAppTest
class FrequencyRulesApiTest {

  private static final String PATH = "/api/frequency-rules";
  private static final Map<String, Object> NEWSLETTER_WEEKLY = rule("newsletter-weekly", 5, 7, null, "newsletter");
  private static final Map<String, Object> EMAIL_DAILY = rule("email-daily", 1, 1, "email", null);
  private static final Map<String, Object> ANY_DAILY = rule("any-daily", 1, 1, null, null);

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  private ApiClient api;
  private TestSends sends;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    sends = FrequencyRuleSends.start(api, repository, management);
  }

  @AfterEach
  void backToConfiguration() {
    // The application context is shared: later test classes expect the configured rules.
    api.delete(PATH);
    EngineTime.reset();
  }

  @Test
  void skipsASendByTheFirstRuleSetThroughTheApiThatItBreaks() {
    var put = api.put(PATH, Map.of("rules", List.of(NEWSLETTER_WEEKLY, EMAIL_DAILY, ANY_DAILY)));
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);

    var first = newsletter();
    EngineTime.advance(Duration.ofHours(3));
    var second = newsletter();

    // The configured rules (3 a week) would have let the second go; email-daily and any-daily both stop it.
    assertThat(first.get("status").asText()).isEqualTo("QUEUED");
    assertThat(second.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(second.get("reason").asText()).isEqualTo("frequency rule 'email-daily' (at most 1 in 1 day on email):"
        + " 1 already counted in a window that holds this one");
  }

  @Test
  void showsWhereTheRulesComeFromAndDeleteGoesBackToTheConfiguredOnes() {
    var configured = api.get(PATH).getBody();
    assertThat(configured.get("source").asText()).isEqualTo("configuration");
    assertThat(names(configured)).containsExactly("all-channels-weekly", "deals-daily", "deals-weekly");
    assertThat(configured.at("/rules/1/topic").asText()).isEqualTo("deals");

    api.put(PATH, Map.of("rules", List.of(ANY_DAILY, EMAIL_DAILY)));
    var set = api.get(PATH).getBody();
    assertThat(set.get("source").asText()).isEqualTo("api");
    assertThat(names(set)).containsExactly("any-daily", "email-daily");
    assertThat(set.at("/rules/1/channel").asText()).isEqualTo("email");
    assertThat(set.at("/rules/0/channel").isNull()).isTrue();

    var deleted = api.delete(PATH);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deleted.getBody()).isEqualTo(configured);
    assertThat(api.get(PATH).getBody()).isEqualTo(configured);
  }

  @Test
  void anEmptyListMeansNoRuleUntilDeleted() {
    var put = api.put(PATH, Map.of("rules", List.of()));
    assertThat(put.getBody().get("source").asText()).isEqualTo("api");
    assertThat(put.getBody().get("rules")).isEmpty();

    var first = deal();
    EngineTime.advance(Duration.ofHours(3));
    var second = deal();
    api.delete(PATH);
    EngineTime.advance(Duration.ofHours(3));
    var third = deal();

    // deals-daily, configured, allows one a day: only once the configuration is back does it apply.
    assertThat(List.of(first, second, third)).extracting(message -> message.get("status").asText())
        .containsExactly("QUEUED", "QUEUED", "SKIPPED");
    assertThat(third.get("reason").asText()).startsWith("frequency rule 'deals-daily'");
  }

  @Test
  void refusesAWrongListNamingTheFieldAndKeepsTheRulesInForce() {
    api.put(PATH, Map.of("rules", List.of(ANY_DAILY)));

    assertRefused(List.of(ANY_DAILY, rule("fax-daily", 1, 1, "fax", null)), "rules[1].channel",
        "rules[1].channel must be one of [email, sms, push], not 'fax'");
    assertRefused(List.of(rule("never", 0, 7, null, null)), "rules[0].max", "rules[0].max must be at least 1");
    assertRefused(List.of(ANY_DAILY, EMAIL_DAILY, rule("unknown", 1, 7, null, "no-such-topic")), "rules[2].topic",
        "rules[2].topic 'no-such-topic' is no topic: define it first (GET /api/topics lists them)");
    assertRefused(List.of(ANY_DAILY, EMAIL_DAILY, NEWSLETTER_WEEKLY, rule("any-daily", 2, 1, null, null)),
        "rules[3].name", "rules[3].name 'any-daily' names an earlier rule too: names must differ");
    assertRefused(List.of(Map.of("name", "no-days", "max", 1)), "rules[0].days", "rules[0].days must be 1 to 366");
    assertRefused(List.of(Map.of("name", "words", "max", "three", "days", 7)), "rules[0].max", null);
    assertThat(api.put(PATH, Map.of()).getBody().get("field").asText()).isEqualTo("rules");
    var tooMany = IntStream.range(0, 21)
        .mapToObj(i -> rule("rule-" + i, 1, 1, null, null)).toList();
    assertRefused(tooMany, "rules",
        "rules at most 20 rules, not 21: every marketing send counts against each of them");

    var unchanged = api.get(PATH).getBody();
    assertThat(unchanged.get("source").asText()).isEqualTo("api");
    assertThat(names(unchanged)).containsExactly("any-daily");
  }

  private void assertRefused(List<Map<String, Object>> rules, String field, String detail) {
    var response = api.put(PATH, Map.of("rules", rules));
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    if (detail != null) {
      assertThat(response.getBody().get("detail").asText()).isEqualTo(detail);
    }
  }

  private static Map<String, Object> rule(String name, int max, int days, String channel, String topic) {
    var rule = new HashMap<String, Object>(Map.of("name", name, "max", max, "days", days));
    if (channel != null) {
      rule.put("channel", channel);
    }
    if (topic != null) {
      rule.put("topic", topic);
    }
    return rule;
  }

  private static List<String> names(JsonNode rules) {
    return rules.get("rules").findValuesAsText("name");
  }

  private JsonNode newsletter() {
    return FrequencyRuleSends.marketingEmail(sends, "newsletter", Map.of());
  }

  private JsonNode deal() {
    return FrequencyRuleSends.marketingEmail(sends, "deals", Map.of());
  }
}
