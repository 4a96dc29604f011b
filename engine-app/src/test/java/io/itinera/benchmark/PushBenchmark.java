package io.itinera.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.Pacing;
import io.itinera.push.PushDispatcher;
import io.itinera.push.PushKeys;
import io.itinera.push.PushQueue;
import io.itinera.push.PushStep;
import io.itinera.push.PushSubscriptionRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Push dispatch to a local push service (a JDK HTTP server on loopback answering 201, as a push service does):
 * {@code count} queued transactional pushes, one subscription per contact, sent by the outbox dispatcher (claims,
 * lease renewals, the subscription read, aes128gcm encryption, a VAPID token, the POST, the sent mark), against a
 * raw loop sending the same number of Web Push requests with the same libraries (web-push's encryption, a jose4j
 * VAPID token per request, Apache HttpClient 5) and no outbox: once with a new client per request as the
 * dispatcher makes one, once with one client keeping its connection alive. Each side first sends 200 pushes
 * untimed, so that both are timed with the JIT and the connections warm.
 *
 * <p>Run with {@code bench/run.sh push [h2|postgres] [count]}: a JUnit run of this tagged test.
 */
@Tag("benchmark")
class PushBenchmark {

  private static final String TITLE = "Your order has shipped";
  private static final String BODY = "Hi Ann, order A-1042 is on its way and arrives tomorrow.";
  private static final String URL = "https://shop.example/orders/A-1042";
  /** The dispatcher's batch (the default of itinera.push.dispatch.batch-size); the warm-up's are not timed. */
  private static final int BATCH = 50;
  private static final int WARM_UP_BATCHES = 4;

  @Test
  void measuresPushDispatchAgainstARawWebPushLoop() throws Exception {
    var url = Benchmarks.databaseUrl("itinera-push-bench");
    var count = Benchmarks.count(2000);
    var browser = PushKeys.generate();
    var auth = new byte[16];
    new SecureRandom().nextBytes(auth);
    try (var pushService = new LocalPushService()) {
      var app = Benchmarks.startApp(url, Benchmarks.databaseUser(), "--itinera.mail-sink.smtp-port=0",
          "--itinera.sms-sink.port=0", "--itinera.push.dispatch.enabled=false",
          "--itinera.push.allowed-hosts=127.0.0.1:*",
          "--itinera.push.dispatch.batch-size=" + BATCH);
      try (app) {
        queue(app.getBean(Contacts.class), app.getBean(PushSubscriptionRegistry.class), app.getBean(PushQueue.class),
            app.getBean(TransactionTemplate.class), pushService, browser, auth, WARM_UP_BATCHES * BATCH + count);
        var dispatcher = app.getBean(PushDispatcher.class);
        for (int batch = 0; batch < WARM_UP_BATCHES; batch++) {
          dispatcher.dispatchDue();
        }
        pushService.reset();
        var began = System.nanoTime();
        for (int batch = dispatcher.dispatchDue(); batch > 0; batch = dispatcher.dispatchDue()) {
          // until nothing due is left
        }
        var dispatchSeconds = seconds(began);
        assertThat(pushService.taken()).as("pushes the dispatcher delivered").isEqualTo(count);

        var raw = new RawWebPush(pushService, browser, auth);
        raw.send(WARM_UP_BATCHES * BATCH, PushBenchmark::withNewClient);
        var freshSeconds = raw.send(count, PushBenchmark::withNewClient);
        try (var shared = HttpClients.custom().disableAutomaticRetries().build()) {
          var keptAliveSeconds = raw.send(count, request -> status(shared, request));

          System.out.printf(Locale.ROOT, "%s, %d pushes (aes128gcm, VAPID), one subscription each, local push"
              + " service answering 201%n", Benchmarks.databaseName(url), count);
          System.out.printf(Locale.ROOT, "outbox dispatcher: %.2f s, %.0f pushes/s%n", dispatchSeconds,
              count / dispatchSeconds);
          System.out.printf(Locale.ROOT, "raw loop, new HTTP client per push (as the dispatcher): %.2f s,"
              + " %.0f pushes/s%n", freshSeconds, count / freshSeconds);
          System.out.printf(Locale.ROOT, "raw loop, one HTTP client kept alive: %.2f s, %.0f pushes/s%n",
              keptAliveSeconds, count / keptAliveSeconds);
          System.out.printf(Locale.ROOT, "ratio dispatcher / raw loop (new client per push): %.2f%n",
              freshSeconds / dispatchSeconds);
          System.out.printf(Locale.ROOT, "ratio dispatcher / raw loop (kept alive): %.2f%n",
              keptAliveSeconds / dispatchSeconds);
        }
      }
    }
  }

  /** One contact per push, each with a subscription at the local push service, and the push queued as a step would. */
  private static void queue(Contacts contacts, PushSubscriptionRegistry subscriptions, PushQueue queue,
      TransactionTemplate transaction, LocalPushService pushService, KeyPair browser, byte[] auth, int count) {
    var now = Instant.now();
    var p256dh = PushKeys.base64Url(browser.getPublic());
    var secret = PushKeys.base64Url(auth);
    for (int i = 0; i < count; i++) {
      var id = "push-bench-" + i;
      transaction.executeWithoutResult(status -> contacts.insert(new Contact(id, null, null,
          Contact.create(id, now).timezone(), null, null, Map.of("firstName", "Ann"), 0, null, null, null, now, now)));
      subscriptions.register(id, new PushSubscriptionRegistry.Request(pushService.endpoint(i), null, p256dh, secret));
      var step = new PushStep(id, "push-bench", null, TITLE, BODY, URL, MessageCategory.TRANSACTIONAL, null, Pacing.SKIP,
          "Task_Push", UUID.randomUUID().toString());
      transaction.executeWithoutResult(status -> queue.queue(step, Map.of()));
    }
  }

  private static double seconds(long began) {
    return (System.nanoTime() - began) / 1e9;
  }

  /** The baseline: ready-made payloads, each encrypted, signed and posted in a plain loop. */
  private static final class RawWebPush {

    private final LocalPushService pushService;
    private final ECPublicKey browser;
    private final byte[] auth;
    private final KeyPair vapid = PushKeys.generate();
    private final byte[] payload;

    RawWebPush(LocalPushService pushService, KeyPair browser, byte[] auth) throws IOException {
      this.pushService = pushService;
      this.browser = PushKeys.publicKey(PushKeys.encode(browser.getPublic()));
      this.auth = auth;
      var fields = new LinkedHashMap<String, String>();
      fields.put("title", TITLE);
      fields.put("body", BODY);
      fields.put("url", URL);
      this.payload = new ObjectMapper().writeValueAsBytes(fields);
    }

    /** Sends {@code count} pushes, each posted by {@code poster}; answers the seconds taken. */
    double send(int count, Poster poster) throws Exception {
      pushService.reset();
      var began = System.nanoTime();
      for (int i = 0; i < count; i++) {
        var endpoint = URI.create(pushService.endpoint(i));
        var encrypted = AbstractPushService.encrypt(payload, browser, auth, Encoding.AES128GCM);
        var post = new HttpPost(endpoint);
        post.setHeader("TTL", "86400");
        post.setHeader("Content-Encoding", "aes128gcm");
        post.setHeader("Urgency", "normal");
        post.setHeader("Authorization", authorization(endpoint));
        post.setEntity(new ByteArrayEntity(encrypted.getCiphertext(), ContentType.APPLICATION_OCTET_STREAM));
        var status = poster.post(post);
        if (status != 201) {
          throw new IllegalStateException("the local push service answered " + status);
        }
      }
      var seconds = seconds(began);
      assertThat(pushService.taken()).as("pushes the raw loop delivered").isEqualTo(count);
      return seconds;
    }

    /** A VAPID token per request, as the dispatcher signs one: the endpoint's origin, 12 hours, a subject. */
    private String authorization(URI endpoint) throws Exception {
      var claims = new JwtClaims();
      claims.setAudience(endpoint.getScheme() + "://" + endpoint.getAuthority());
      claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis()
          + Duration.ofHours(12).toMillis()));
      claims.setSubject("mailto:bench@example.com");
      var jws = new JsonWebSignature();
      jws.setHeader("typ", "JWT");
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
      jws.setPayload(claims.toJson());
      jws.setKey(vapid.getPrivate());
      return "vapid t=" + jws.getCompactSerialization() + ", k=" + PushKeys.base64Url(vapid.getPublic());
    }
  }

  /** Posts one request and answers its status. */
  @FunctionalInterface
  private interface Poster {
    int post(HttpPost request) throws IOException;
  }

  /** As the dispatcher's PushHttp does: a client (and its connection) of its own for each push. */
  private static int withNewClient(HttpPost request) throws IOException {
    try (var client = HttpClients.custom().disableAutomaticRetries().build()) {
      return status(client, request);
    }
  }

  private static int status(CloseableHttpClient client, HttpPost request) throws IOException {
    return client.execute(request, response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  /** A push service on loopback: takes any push, counts it, answers 201 with a Location as RFC 8030 says. */
  private static final class LocalPushService implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger taken = new AtomicInteger();

    LocalPushService() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/push/", exchange -> {
        try (exchange) {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Location", "/message/" + taken.incrementAndGet());
          exchange.sendResponseHeaders(201, -1);
        }
      });
      server.start();
    }

    String endpoint(int subscription) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + subscription;
    }

    int taken() {
      return taken.get();
    }

    void reset() {
      taken.set(0);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
