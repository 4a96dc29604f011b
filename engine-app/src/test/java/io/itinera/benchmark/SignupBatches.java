package io.itinera.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The app's side of the intake benchmarks: batches of website signups through {@code POST /api/events/batch}. */
final class SignupBatches {

  static final int SIZE = 250;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI batch;

  SignupBatches(int port) {
    this.batch = URI.create("http://127.0.0.1:" + port + "/api/events/batch");
  }

  /** The contact that sends signup number {@code index} of a round. */
  static String contactId(String prefix, int index) {
    return "bench-" + prefix + "-" + index;
  }

  /** Sends signups {@code first} to {@code first + count - 1}, and fails unless each started a welcome series. */
  void signups(String prefix, int first, int count) throws Exception {
    var body = new StringBuilder("{\"batch\":[");
    for (int index = first; index < first + count; index++) {
      body.append(index == first ? "" : ",")
          .append("{\"contactId\":\"").append(contactId(prefix, index))
          .append("\",\"type\":\"signup\",\"properties\":{\"source\":\"website\"}}");
    }
    body.append("]}");
    var response = http.send(HttpRequest.newBuilder(batch)
            .header("Authorization", "Bearer " + Benchmarks.API_KEY)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    var started = response.body().split("\"journey\":\"welcome-series\"", -1).length - 1;
    if (response.statusCode() != 200 || started != count) {
      throw new IllegalStateException("Batch answered " + response.statusCode() + " with " + started + " of "
          + count + " runs started: " + response.body().substring(0, Math.min(500, response.body().length())));
    }
  }
}
