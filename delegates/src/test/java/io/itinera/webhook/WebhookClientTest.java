package io.itinera.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook's HTTP call connects to the address the guard checked, against a real server on
 * 127.0.0.1. Only loopback addresses appear: the stub resolver's second answer, 127.0.0.2, has no
 * server, so a call that asked DNS again would fail.
 */
class WebhookClientTest {

  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final AddressGuardTest.StubResolver resolver = new AddressGuardTest.StubResolver();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/in", exchange -> {
      hosts.add(exchange.getRequestHeaders().getFirst("Host"));
      exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
      exchange.sendResponseHeaders(exchange.getRequestURI().getQuery() == null ? 204 : 302, -1);
      exchange.close();
    });
    server.createContext("/slow", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (var answer = exchange.getResponseBody()) {
        // A byte at a time, each well within the socket timeout, the whole far beyond the step's timeout.
        for (int i = 0; i < 40; i++) {
          answer.write('x');
          answer.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException clientGaveUp) {
        // expected: the client hangs up at its deadline
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void connectsToTheCheckedAddressWhenDnsAnswersDifferentlyLater() throws IOException {
    resolver.answering("127.0.0.1").answering("127.0.0.2");
    var url = URI.create("http://hooks.test:" + port() + "/in");
    var checked = new AddressGuard(List.of("hooks.test:" + port()), resolver).check(url);

    var answer = new WebhookClient().send(request(step(url), Map.of("Idempotency-Key", "k"), "{}", checked));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(hosts).containsExactly("hooks.test:" + port());
    assertThat(resolver.lookups).isEqualTo(1);
  }

  @Test
  void followsNoRedirect() throws IOException {
    var url = URI.create("http://127.0.0.1:" + port() + "/in?redirect");
    var checked = new AddressGuard(List.of("127.0.0.1:" + port()), resolver).check(url);

    var answer = new WebhookClient().send(request(step(url), Map.of(), "{}", checked));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(hosts).hasSize(1);
  }

  @Test
  void givesUpOnAnAnswerThatTricklesInPastTheStepsTimeout() {
    var url = URI.create("http://127.0.0.1:" + port() + "/slow");
    var checked = new AddressGuard(List.of("127.0.0.1:" + port()), resolver).check(url);
    var step = step(url, "GET", Duration.ofMillis(800));
    var started = System.nanoTime();

    assertThatThrownBy(() -> new WebhookClient().send(request(step, Map.of(), "", checked)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("timed out after PT0.8S");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static WebhookRequest request(WebhookStep step, Map<String, String> headers, String body,
      List<InetAddress> checked) {
    return new WebhookRequest(step.method(), step.url(), headers, body, step.timeout(), checked);
  }

  private static WebhookStep step(URI url) {
    return step(url, "POST", Duration.ofSeconds(2));
  }

  private static WebhookStep step(URI url, String method, Duration timeout) {
    return new WebhookStep(url, method, Map.of(), timeout, null, List.of(), "c-1", "test-journey", "Task_CallCrm",
        "run-1", "run-1:Task_CallCrm");
  }
}
