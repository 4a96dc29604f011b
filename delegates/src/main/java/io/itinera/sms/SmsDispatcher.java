package io.itinera.sms;

import io.itinera.outbox.Channel;
import io.itinera.outbox.OutboxDispatch;
import io.itinera.outbox.SendFailure;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the SMS outbox to the SMSC as submit_sm, with the claim, lease and retry rules of every outbox
 * ({@link OutboxDispatch}): at least once. A long text goes as concatenated parts; the last part asks for a
 * delivery receipt, and its SMSC message id is kept to match the receipt. If a send breaks after some parts
 * went out, the retry sends every part again. The SMSC refusing the message or its number fails it for good;
 * throttling, a full queue, a timeout or a broken session are tried again later.
 */
@Component
public class SmsDispatcher implements Channel<SmsMessage> {

  private final SmscSession smsc;
  private final OutboxDispatch<SmsMessage> dispatch;

  SmsDispatcher(SmsOutbox outbox, SmscSession smsc, SmsProperties properties, TransactionTemplate transaction,
      Clock clock) {
    this.smsc = smsc;
    this.dispatch = new OutboxDispatch<>(outbox, this, properties.dispatch(), transaction, clock);
  }

  /** Sends one batch of due messages; returns how many the batch held. */
  public int dispatchDue() {
    return dispatch.dispatchDue();
  }

  /** Sends batches while they come back full. */
  public void drain() {
    dispatch.drain();
  }

  /**
   * Binds now if not bound, so that inbound SMS (STOP) reaches this node before it sends anything; false
   * without an SMSC or while it cannot be reached: then SMS waits in the outbox without using up attempts.
   */
  public boolean stayBound() {
    if (!smsc.configured()) {
      return false;
    }
    try {
      smsc.bound();
      return true;
    } catch (IOException unreachable) {
      return false; // logged once by the session; the next tick tries again
    }
  }

  @Override
  public String server() {
    return smsc.name();
  }

  @Override
  public Connection<SmsMessage> open() throws SendFailure {
    final SMPPSession session;
    try {
      session = smsc.bound();
    } catch (IOException unreachable) {
      throw new SendFailure(unreachable.getMessage(), false, unreachable);
    }
    return new Connection<>() {
      @Override
      public String send(SmsMessage message) throws SendFailure {
        return submit(session, message);
      }

      @Override
      public void close() {
        // The session stays bound for receipts and inbound SMS.
      }
    };
  }

  private String submit(SMPPSession session, SmsMessage message) throws SendFailure {
    var encoded = SmsCodec.encode(message.text(), ThreadLocalRandom.current().nextInt(256));
    var parts = encoded.shortMessages();
    var numeric = SenderId.isNumber(message.sender());
    String smscId = null;
    try {
      for (int i = 0; i < parts.size(); i++) {
        var last = i == parts.size() - 1;
        smscId = session.submitShortMessage("",
            numeric ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC,
            numeric ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN,
            numeric ? message.sender().substring(1) : message.sender(),
            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.recipient().substring(1),
            new ESMClass(encoded.concatenated() ? SmsCodec.UDHI : 0), (byte) 0, (byte) 0, null, null,
            new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
            (byte) 0, DataCodings.newInstance(encoded.coding().dataCoding()), (byte) 0, parts.get(i))
            .getMessageId();
      }
      return smscId;
    } catch (NegativeResponseException refused) {
      var status = refused.getCommandStatus();
      throw new SendFailure("SMSC refused submit_sm: command_status 0x" + Integer.toHexString(status), permanent(status),
          refused);
    } catch (PDUException invalid) {
      throw new SendFailure("not a valid submit_sm: " + invalid.getMessage(), true, invalid);
    } catch (ResponseTimeoutException | InvalidResponseException | IOException broken) {
      smsc.drop();
      throw new SendFailure(broken.getMessage(), false, broken);
    }
  }

  /** Statuses no later attempt can change: the message, its addresses or its coding are wrong. */
  private static boolean permanent(int status) {
    return status == SMPPConstant.STAT_ESME_RINVDSTADR || status == SMPPConstant.STAT_ESME_RINVSRCADR
        || status == SMPPConstant.STAT_ESME_RINVMSGLEN || status == SMPPConstant.STAT_ESME_RINVESMCLASS
        || status == SMPPConstant.STAT_ESME_RINVDCS || status == SMPPConstant.STAT_ESME_RINVDSTTON
        || status == SMPPConstant.STAT_ESME_RINVDSTNPI || status == SMPPConstant.STAT_ESME_RINVSRCTON;
  }
}
