package io.itinera.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.itinera.pushsink.Aes128GcmDecryption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays a browser and its push service: a real HTTP server on loopback as the subscription's endpoint, a P-256
 * pair and auth secret of its own (as pushManager.subscribe() makes them), and the statuses a test scripts.
 */
final class BrowserPushService implements AutoCloseable {

  /** One push as the service received it. */
  record Received(Map<String, String> headers, byte[] body) {
  }

  private final HttpServer server;
  private final KeyPair keys = PushKeys.generate();
  private final byte[] auth = new byte[16];
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>(List.of(201));

  BrowserPushService() throws IOException {
    new SecureRandom().nextBytes(auth);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/push/", this::receive);
    server.start();
  }

  /** Answers the next pushes with these statuses, one each; the last one stays for every push after. */
  void answer(int... next) {
    statuses.clear();
    for (var status : next) {
      statuses.add(status);
    }
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What the browser's PushSubscription.toJSON() gives. */
  Map<String, Object> subscription() {
    var json = new LinkedHashMap<String, Object>();
    json.put("endpoint", origin() + "/push/subscription-1");
    json.put("expirationTime", null);
    json.put("keys", Map.of("p256dh", PushKeys.base64Url(keys.getPublic()), "auth", PushKeys.base64Url(auth)));
    return json;
  }

  List<Received> received() {
    return received;
  }

  String decrypt(Received push) throws GeneralSecurityException {
    return new String(Aes128GcmDecryption.decrypt(push.body(), keys, auth), StandardCharsets.UTF_8);
  }

  private void receive(HttpExchange exchange) throws IOException {
    var headers = new LinkedHashMap<String, String>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
    var status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
    if (status == 201) {
      exchange.getResponseHeaders().set("Location", origin() + "/messages/" + received.size());
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
