package io.itinera;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real HTTP server on loopback that stands in for the CRM the journeys' webhooks call; it is
 * configured as the webhook URL named {@code crm} before the application starts, and records what
 * it receives.
 */
public final class TestCrm implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testCrm",
        Map.of("itinera.webhook.urls.crm", url())));
  }

  public static String url() {
    return "http://127.0.0.1:" + port() + "/crm";
  }

  /** The bodies received so far, oldest first. */
  public static List<String> received() {
    return RECEIVED;
  }

  private static synchronized int port() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/crm", exchange -> {
        RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      server.start();
    }
    return server.getAddress().getPort();
  }
}
