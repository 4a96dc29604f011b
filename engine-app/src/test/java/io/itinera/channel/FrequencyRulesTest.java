package io.itinera.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.ApiClient;
import io.itinera.EngineTime;
import io.itinera.ItineraAppTest;
import io.itinera.TestSends;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Frequency rules through real journeys and the email outbox, with the three rules of the test configuration in
 * their order: all-channels-weekly (3 in 7 days), deals-daily (1 a day about 'deals'), deals-weekly (2 in 7 days
 * about 'deals'). Days are the contact's calendar days (Europe/Berlin); the clock starts at noon there.
 */
@ItineraAppTest
class FrequencyRulesTest {

  private static final String DAILY = "frequency rule 'deals-daily' (at most 1 in 1 day on all channels about 'deals')";

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  private TestSends sends;

  @BeforeEach
  void setUp() {
    sends = FrequencyRuleSends.start(new ApiClient(http), repository, management);
  }

  @AfterEach
  void resetClock() {
    EngineTime.reset();
  }

  @Test
  void namesTheFirstRuleInTheirOrderThatTheMessageWouldBreak() {
    deal(Map.of());
    EngineTime.advance(Duration.ofDays(2));
    deal(Map.of());
    EngineTime.advance(Duration.ofHours(3));
    var bothDealRules = deal(Map.of());
    EngineTime.advance(Duration.ofHours(21));
    var weeklyOnly = deal(Map.of());
    EngineTime.advance(Duration.ofHours(2));
    sends.send(Map.of("template", "welcome", "category", "marketing", "topic", "newsletter"));
    EngineTime.advance(Duration.ofHours(3));
    var allThree = deal(Map.of());

    assertThat(statuses()).containsExactly("QUEUED", "QUEUED", "SKIPPED", "SKIPPED", "QUEUED", "SKIPPED");
    assertThat(bothDealRules.get("reason").asText()).isEqualTo(DAILY + ": 1 already counted in a window that"
        + " holds this one");
    assertThat(weeklyOnly.get("reason").asText()).startsWith("frequency rule 'deals-weekly' (at most 2 in 7 calendar"
        + " days on all channels about 'deals'): 2 already counted");
    assertThat(allThree.get("reason").asText()).startsWith("frequency rule 'all-channels-weekly' (at most 3 in 7"
        + " calendar days on all channels): 3 already counted");
  }

  @Test
  void skipsByDefaultButWaitsForTheNextDayTheRulesAllowWhenTheStepSaysSoWithinItsLongestWait() {
    deal(Map.of());
    EngineTime.advance(Duration.ofHours(3));
    var skipped = deal(Map.of());
    EngineTime.advance(Duration.ofMinutes(1));
    var due = EngineTime.now();
    var waited = deal(Map.of("whenCapped", "wait", "maxWait", "P3D"));
    EngineTime.advance(Duration.ofMinutes(1));
    var tooShort = deal(Map.of("whenCapped", "wait", "maxWait", "PT12H"));

    var nextDay = due.plus(Duration.ofDays(1));
    assertThat(skipped.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(skipped.get("reason").asText()).startsWith(DAILY);
    assertThat(waited.get("status").asText()).isEqualTo("QUEUED");
    assertThat(waited.get("notBefore").asText()).isEqualTo(nextDay.toString());
    assertThat(waited.get("reason").asText()).isEqualTo("waiting for " + DAILY + ": 1 already counted in a window that"
        + " holds this one: moved from " + due + " to " + nextDay);
    assertThat(tooShort.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(tooShort.get("reason").asText()).startsWith(DAILY).endsWith("; skipped: the rules allow it no sooner"
        + " than PT12H from now");
  }

  /** Sends an email about 'deals' with these further inputs; returns the message it recorded. */
  private JsonNode deal(Map<String, Object> inputs) {
    return FrequencyRuleSends.marketingEmail(sends, "deals", inputs);
  }

  private List<String> statuses() {
    return sends.messages("email").stream().map(message -> message.get("status").asText()).toList();
  }
}
