import com.sun.net.httpserver.HttpServer;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real HTTP server standing in for a CRM in the fault scenarios: {@code java FaultWebhook.java
 * PORT STATE_DIR}. While STATE_DIR/webhook-fail exists it answers 503; otherwise 200, and appends
 * "Idempotency-Key<TAB>status" of every call to STATE_DIR/webhooks.tsv.
 */
public class FaultWebhook {

  public static void main(String[] args) throws IOException {
    var state = Path.of(args[1]);
    Files.createDirectories(state);
    var log = new PrintWriter(new FileWriter(state.resolve("webhooks.tsv").toFile(), StandardCharsets.UTF_8, true), true);
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 50);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      var status = Files.exists(state.resolve("webhook-fail")) ? 503 : 200;
      synchronized (log) {
        log.println(exchange.getRequestHeaders().getFirst("Idempotency-Key") + "\t" + status);
      }
      var body = status == 200 ? "{\"ok\": true}" : "{\"error\": \"down for the fault scenario\"}";
      var bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    System.out.println("FaultWebhook listening on 127.0.0.1:" + server.getAddress().getPort());
  }
}
