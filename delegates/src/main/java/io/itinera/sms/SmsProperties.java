package io.itinera.sms;

import io.itinera.outbox.DispatchSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS settings ({@code itinera.sms.*}): the default sender id, the longest text in parts, the SMSC to bind
 * to (no host: SMS stays queued, nothing is sent), and how the dispatcher retries.
 */
@ConfigurationProperties("itinera.sms")
public record SmsProperties(String sender, int maxParts, Smsc smsc, DispatchSettings dispatch) {

  /**
   * Where the SMSC listens and how to bind (as a transceiver: submits go out, receipts and inbound SMS come in
   * on one session). {@code timeout} bounds each SMPP request and must stay below the dispatch lease.
   */
  public record Smsc(String host, int port, String systemId, String password, String systemType, Duration timeout) {
  }
}
