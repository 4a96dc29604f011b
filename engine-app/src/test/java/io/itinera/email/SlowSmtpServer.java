package io.itinera.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real SMTP server on loopback that takes its time over each message: after the data of a message
 * it calls {@code onMessage} (which moves a test clock, say) before it answers. It records the
 * Message-ID of every message it accepted.
 */
final class SlowSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Consumer<String> onMessage;
  private final List<String> accepted = new CopyOnWriteArrayList<>();

  SlowSmtpServer(Consumer<String> onMessage) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.onMessage = onMessage;
    daemon(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The Message-IDs of the messages accepted so far, in order. */
  List<String> acceptedMessageIds() {
    return List.copyOf(accepted);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        var connection = socket.accept();
        daemon(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection;
         var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
         var out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.US_ASCII)) {
      reply(out, "220 slow.test ESMTP");
      for (String line; (line = in.readLine()) != null; ) {
        var command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 go ahead");
            var messageId = readMessage(in);
            onMessage.accept(messageId);
            accepted.add(messageId);
            reply(out, "250 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException dropped) {
      // The client went away: nothing to answer.
    }
  }

  private static String readMessage(BufferedReader in) throws IOException {
    String messageId = null;
    for (String line; (line = in.readLine()) != null && !line.equals("."); ) {
      if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        messageId = line.substring(11).strip();
      }
    }
    return messageId;
  }

  private static void daemon(Runnable work) {
    var thread = new Thread(work, "slow-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
