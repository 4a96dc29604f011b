package io.itinera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP server on loopback that receives journeys' webhooks at {@link #url()}, records each
 * request with whether its signature checks out, and answers with the statuses a test scripts.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as the receiver saw it. */
  public record Received(String method, JsonNode body, String idempotencyKey, boolean signatureValid) {
  }

  private final ObjectMapper json;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>(List.of(200));

  private WebhookReceiver(ObjectMapper json) throws IOException {
    this.json = json;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hooks/crm", this::receive);
    server.start();
  }

  public static WebhookReceiver start(ObjectMapper json) throws IOException {
    return new WebhookReceiver(json);
  }

  /** Answers the next requests with these statuses, one each; the last one stays for every request after. */
  public void answer(int... next) {
    statuses.clear();
    for (var status : next) {
      statuses.add(status);
    }
  }

  public List<Received> received() {
    return received;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/crm";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestMethod(), json.readTree(body),
        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
        signatureValid(exchange.getRequestHeaders().getFirst("Itinera-Signature"), body)));
    var status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
    var answer = status == 200 ? "{\"id\": \"crm-42\", \"tier\": \"gold\", \"secret\": \"x\"}"
        : "{\"error\": \"the CRM is having a bad day\"}";
    var bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static boolean signatureValid(String header, String body) {
    try {
      var parts = header.split(",");
      var timestamp = parts[0].substring("t=".length());
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(ItineraAppTest.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      var expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      return parts[1].equals("v1=" + expected);
    } catch (Exception malformed) {
      return false;
    }
  }
}
