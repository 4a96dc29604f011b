package io.itinera.sms;

import io.itinera.contact.Consent;
import io.itinera.contact.ContactUpdates;
import io.itinera.contact.Contacts;
import io.itinera.event.EventIntake;
import io.itinera.event.NewEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the SMSC delivers to us (deliver_sm): a delivery receipt becomes the event {@code sms_delivered} or
 * {@code sms_failed} of the message's contact, through the event intake, so journeys can wait for it; an
 * inbound SMS saying {@code STOP} withdraws the sender's SMS consent and {@code START} grants it again. Both
 * are idempotent (the event's message id is the SMS's), so an SMSC that delivers twice changes nothing. A
 * failure answers the SMSC with an error, and it delivers again.
 */
@Component
class SmsDeliveries implements MessageReceiverListener {

  static final String DELIVERED = "sms_delivered";
  static final String FAILED = "sms_failed";

  private static final Logger log = LoggerFactory.getLogger(SmsDeliveries.class);
  /** Carrier opt-out and opt-in keywords (CTIA's list), matched on the whole text, any case. */
  private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  private static final Set<String> START = Set.of("START", "UNSTOP");

  private final SmsOutbox outbox;
  private final Contacts contacts;
  private final ContactUpdates updates;
  private final EventIntake intake;
  private final TransactionTemplate transaction;
  private final Clock clock;

  SmsDeliveries(SmsOutbox outbox, Contacts contacts, ContactUpdates updates, EventIntake intake,
      TransactionTemplate transaction, Clock clock) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.updates = updates;
    this.intake = intake;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    try {
      if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
        var receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        receipt(receipt.getId(), receipt.getFinalStatus());
      } else {
        inbound("+" + deliverSm.getSourceAddr(), SmsCodec.decode(deliverSm.getDataCoding(), deliverSm.getEsmClass(),
            deliverSm.getShortMessage()).text());
      }
    } catch (InvalidDeliveryReceiptException unreadable) {
      log.warn("Unreadable delivery receipt from the SMSC: {}", unreadable.getMessage());
    } catch (UnknownReceiptException unknown) {
      log.debug("Delivery receipt for SMSC message {}, not (yet) ours: refused for now", unknown.getMessage());
      throw new ProcessRequestException(unknown.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
    } catch (RuntimeException failed) {
      log.warn("Could not take in a deliver_sm, the SMSC will deliver it again: {}", failed.toString());
      throw new ProcessRequestException(failed.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
    }
  }

  /** A receipt for an SMS of ours: kept on the message, and an event for its contact once it is final. */
  void receipt(String smscMessageId, DeliveryReceiptState state) {
    if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
      return; // not final: a later receipt says how it ended
    }
    var now = clock.instant();
    var message = transaction.execute(status -> outbox.bySmscId(smscMessageId).map(found -> {
      outbox.recordReceipt(found.id(), state.name(), now);
      return found;
    }));
    if (message == null || message.isEmpty()) {
      // The receipt can overtake our recording of the submit_sm_resp that named the id: refused, the SMSC
      // delivers it again later. One that is none of ours (an erased contact's) is refused until the SMSC gives up.
      throw new UnknownReceiptException(smscMessageId);
    }
    var sms = message.get();
    var type = state == DeliveryReceiptState.DELIVRD ? DELIVERED : FAILED;
    var properties = new HashMap<String, Object>(Map.of("smsId", sms.id(), "state", state.name()));
    if (sms.journeyKey() != null) {
      properties.put("journey", sms.journeyKey());
    }
    intake.accept(new NewEvent(sms.contactId(), type, properties, now, type + ":" + sms.id()));
  }

  /** An SMS a contact sent us: STOP and START change the SMS consent of every contact with that number. */
  void inbound(String phone, String text) {
    var keyword = text.strip().toUpperCase(Locale.ROOT);
    var granted = START.contains(keyword);
    if (!granted && !STOP.contains(keyword)) {
      log.debug("Inbound SMS that is no keyword, ignored");
      return;
    }
    var consent = new Consent(granted, clock.instant(), "inbound SMS '" + keyword + "'");
    for (var contactId : contacts.withPhone(phone)) {
      updates.recordConsent(contactId, Consent.SMS, consent);
      log.info("Contact {} {} SMS consent by inbound SMS", contactId, granted ? "granted" : "withdrew");
    }
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    // Nothing to do: we keep no message waiting for a handset to come back.
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
  }

  /** A receipt naming an SMSC message id we have not recorded. */
  private static final class UnknownReceiptException extends RuntimeException {

    UnknownReceiptException(String smscMessageId) {
      super(smscMessageId, null, false, false);
    }
  }
}
