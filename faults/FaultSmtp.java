import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A real SMTP server for the fault scenarios, run as its own process on loopback:
 * {@code java FaultSmtp.java PORT STATE_DIR}. Every message it accepts is appended to
 * STATE_DIR/received.tsv as "Message-ID<TAB>To". While STATE_DIR/refuse exists it answers 421 and
 * hangs up; STATE_DIR/delay-ms (a number) makes it wait that long before accepting each message.
 */
public class FaultSmtp {

  public static void main(String[] args) throws IOException {
    var port = Integer.parseInt(args[0]);
    var state = Path.of(args[1]);
    Files.createDirectories(state);
    var log = new PrintWriter(new FileWriter(state.resolve("received.tsv").toFile(), StandardCharsets.UTF_8, true), true);
    var threads = Executors.newCachedThreadPool();
    try (var server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
      System.out.println("FaultSmtp listening on 127.0.0.1:" + server.getLocalPort());
      while (true) {
        var socket = server.accept();
        threads.execute(() -> session(socket, state, log));
      }
    }
  }

  private static void session(Socket socket, Path state, PrintWriter log) {
    try (socket) {
      socket.setSoTimeout(120_000);
      var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      var out = socket.getOutputStream();
      if (Files.exists(state.resolve("refuse"))) {
        reply(out, "421 fault-smtp refusing service for now");
        return;
      }
      reply(out, "220 fault-smtp ready");
      String line;
      while ((line = in.readLine()) != null) {
        var command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 fault-smtp");
          case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            var headers = readMessage(in);
            pause(state);
            synchronized (log) {
              log.println(headers[0] + "\t" + headers[1]);
            }
            reply(out, "250 accepted");
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException closed) {
      // the client hung up or was killed: nothing to do
    }
  }

  /** Reads the message up to the lone dot; returns its Message-ID and To headers. */
  private static String[] readMessage(BufferedReader in) throws IOException {
    var found = new String[] {"", ""};
    var inHeaders = true;
    String line;
    while ((line = in.readLine()) != null && !line.equals(".")) {
      if (line.isEmpty()) {
        inHeaders = false;
      } else if (inHeaders && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        found[0] = line.substring(11).strip();
      } else if (inHeaders && line.regionMatches(true, 0, "To:", 0, 3)) {
        found[1] = line.substring(3).strip();
      }
    }
    return found;
  }

  private static void pause(Path state) throws IOException {
    var delay = state.resolve("delay-ms");
    if (Files.exists(delay)) {
      try {
        Thread.sleep(Long.parseLong(Files.readString(delay).strip()));
      } catch (InterruptedException | NumberFormatException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
