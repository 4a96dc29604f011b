package io.itinera.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * One scrape of /actuator/prometheus as Prometheus does it: the text format, with the login of a
 * Camunda user made for it, in no group and with no authorizations, as the README advises.
 */
record Scrape(String text, Map<String, Double> series) {

  static final String USER = "prometheus";
  private static final String PASSWORD = "test-only-scrape-password";

  /** {@code name{labels} value}; comments and blank lines are not samples. */
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)$");

  /** Creates the scraping user once per database. */
  static void ensureUser(IdentityService identity) {
    if (identity.createUserQuery().userId(USER).count() == 0) {
      var user = identity.newUser(USER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
  }

  static Scrape of(TestRestTemplate http) {
    var response = http.withBasicAuth(USER, PASSWORD)
        .getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var series = new LinkedHashMap<String, Double>();
    response.getBody().lines().map(SAMPLE::matcher).filter(Matcher::matches)
        .forEach(sample -> series.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
            Double.parseDouble(sample.group(3))));
    return new Scrape(response.getBody(), series);
  }

  /** The sum of a metric's series whose labels include all of {@code labels} ({@code journey="x"}, ...). */
  double sum(String metric, String... labels) {
    return series.entrySet().stream()
        .filter(entry -> entry.getKey().equals(metric) || entry.getKey().startsWith(metric + "{"))
        .filter(entry -> Arrays.stream(labels).allMatch(entry.getKey()::contains))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** Whether any series of the metric with all of {@code labels} is in the scrape. */
  boolean has(String metric, String... labels) {
    return series.keySet().stream()
        .filter(key -> key.equals(metric) || key.startsWith(metric + "{"))
        .anyMatch(key -> Arrays.stream(labels).allMatch(key::contains));
  }
}
