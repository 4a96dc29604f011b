package io.itinera.sms;

import java.io.IOException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's one SMPP session with the SMSC, bound as a transceiver and kept open: submits go out on it,
 * and delivery receipts and inbound SMS come back on it at any time, so it is not closed between batches.
 * A broken session is dropped and bound anew on the next use.
 */
@Component
class SmscSession implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SmscSession.class);
  private static final int ENQUIRE_LINK_MS = 30_000;

  private final SmsProperties properties;
  private final SmsDeliveries deliveries;
  private SMPPSession session;
  private boolean warned;

  SmscSession(SmsProperties properties, SmsDeliveries deliveries) {
    this.properties = properties;
    this.deliveries = deliveries;
  }

  /** Whether an SMSC is configured at all; without one SMS stays queued. */
  boolean configured() {
    return properties.smsc() != null && properties.smsc().host() != null && !properties.smsc().host().isBlank();
  }

  String name() {
    return configured() ? "SMSC " + properties.smsc().host() + ":" + properties.smsc().port() : "SMSC (none set)";
  }

  /** The bound session, binding first if there is none or the last one broke. */
  synchronized SMPPSession bound() throws IOException {
    if (session != null && session.getSessionState().isBound()) {
      return session;
    }
    drop();
    if (!configured()) {
      throw new IOException("no SMSC is set (ITINERA_SMPP_HOST)");
    }
    var smsc = properties.smsc();
    var fresh = new SMPPSession();
    fresh.setTransactionTimer(smsc.timeout().toMillis());
    fresh.setEnquireLinkTimer(ENQUIRE_LINK_MS);
    fresh.setMessageReceiverListener(deliveries);
    try {
      fresh.connectAndBind(smsc.host(), smsc.port(), new BindParameter(BindType.BIND_TRX, smsc.systemId(),
          smsc.password(), smsc.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          smsc.timeout().toMillis());
    } catch (IOException failed) {
      fresh.close();
      if (!warned) {
        log.warn("Cannot bind to {} as '{}': {}; SMS waits in the outbox", name(), smsc.systemId(), failed.getMessage());
        warned = true;
      }
      throw failed;
    }
    log.info("Bound to {} as '{}'", name(), smsc.systemId());
    warned = false;
    session = fresh;
    return fresh;
  }

  /** Forgets a session that failed, so the next use binds again. */
  synchronized void drop() {
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
  }

  @Override
  public void destroy() {
    drop();
  }
}
