package io.itinera.smssink;

import io.itinera.security.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides whether SMS goes to the embedded SMSC. It does on the embedded defaults when no SMSC is set
 * ({@code ITINERA_SMPP_HOST}); elsewhere only with {@code ITINERA_SMS_SINK_ENABLED=true}, and then only the
 * administrators may read it, as with the mail sink. With the sink on, the SMPP client is pointed at it, with a
 * password made up at each start (the sink listens on loopback only). Without an SMSC and without the sink,
 * SMS stays queued in the outbox: email, the main channel, keeps working.
 */
public class SmsSinkDefaults implements EnvironmentPostProcessor {

  static final String ENABLED = "itinera.sms-sink.enabled";
  static final String LOGIN_REQUIRED = "itinera.sms-sink.login-required";
  static final String PORT = "itinera.sms-sink.port";
  static final String SYSTEM_ID = "itinera";
  private static final String SMSC_HOST = "itinera.sms.smsc.host";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    var embedded = EmbeddedDatabase.inUse(environment);
    var smsc = environment.getProperty(SMSC_HOST, "");
    var enabled = smsc.isBlank() && environment.getProperty(ENABLED, Boolean.class, embedded);
    var settings = new HashMap<String, Object>();
    settings.put(ENABLED, enabled);
    settings.put(LOGIN_REQUIRED, enabled && !embedded);
    if (enabled) {
      var port = environment.getProperty(PORT, Integer.class, 2775);
      port = port == 0 ? freePort() : port;
      var password = new byte[4];
      new SecureRandom().nextBytes(password);
      settings.put(PORT, port);
      settings.put(SMSC_HOST, "127.0.0.1");
      settings.put("itinera.sms.smsc.port", port);
      settings.put("itinera.sms.smsc.system-id", SYSTEM_ID);
      // SMPP passwords are at most 8 characters.
      settings.put("itinera.sms.smsc.password", HexFormat.of().formatHex(password));
    }
    environment.getPropertySources().addFirst(new MapPropertySource("itineraSmsSink", settings));
  }

  /** Port 0 (tests): one free now, since the SMPP client must know it before the sink starts. */
  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
