package io.itinera.benchmark;

import io.itinera.ItineraApplication;
import io.itinera.contact.ChannelConsents;
import io.itinera.contact.Consent;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.Pacing;
import io.itinera.sms.SmsCodec;
import io.itinera.sms.SmsDispatcher;
import io.itinera.sms.SmsProperties;
import io.itinera.sms.SmsQueue;
import io.itinera.sms.SmsStep;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS dispatch to the embedded SMSC over SMPP on loopback: {@code count} queued SMS sent by the outbox
 * dispatcher (claims, lease renewals, one commit per message, receipts coming back and taken in as events
 * meanwhile), against a raw jsmpp client submitting the same number of ready-made messages, each asking for a
 * receipt, on one session to the same SMSC. Half the texts are GSM-7 in one part, half UCS-2 in two.
 *
 * <p>Run with {@code bench/run.sh sms [h2|postgres] [count]}: a JUnit run of this tagged test.
 */
@Tag("benchmark")
class SmsBenchmark {

  private static final String GSM = "Hi Ann, your order A-1042 has shipped and arrives tomorrow.";
  private static final String UCS2 = "Привет! Ваш заказ A-1042 отправлен и будет у вас завтра. Спасибо за покупку 📦";

  @Test
  void measuresSmsDispatchAgainstARawSmppClient() throws Exception {
    var url = System.getProperty("bench.db-url", "jdbc:h2:mem:itinera-sms-bench;DB_CLOSE_DELAY=-1");
    var count = Integer.parseInt(System.getProperty("bench.contacts", "2000"));
    var app = new SpringApplicationBuilder(ItineraApplication.class).run(
        "--server.port=0", "--ITINERA_DB_URL=" + url, "--ITINERA_DB_USER=" + System.getProperty("bench.db-user", "sa"),
        "--ITINERA_ADMIN_PASSWORD=benchmark", "--ITINERA_API_KEYS=benchmark-key",
        "--ITINERA_TRACKING_SECRET=benchmark-tracking-secret", "--itinera.push.vapid.generate=true",
        "--itinera.mail-sink.smtp-port=0",
        "--itinera.mail-sink.enabled=true", "--itinera.sms-sink.enabled=true", "--itinera.sms-sink.port=0",
        "--itinera.sms-sink.keep=" + (3 * count), "--itinera.sms.dispatch.enabled=false",
        "--logging.level.root=WARN");
    try (app) {
      queue(app.getBean(Contacts.class), app.getBean(ChannelConsents.class), app.getBean(SmsQueue.class),
          app.getBean(TransactionTemplate.class), count);
      var dispatcher = app.getBean(SmsDispatcher.class);
      dispatcher.stayBound();
      var began = System.nanoTime();
      var sent = 0;
      for (int batch = dispatcher.dispatchDue(); batch > 0; batch = dispatcher.dispatchDue()) {
        sent += batch;
      }
      var dispatchSeconds = (System.nanoTime() - began) / 1e9;

      var smsc = app.getBean(SmsProperties.class).smsc();
      var rawSeconds = raw(smsc, count);

      System.out.printf(Locale.ROOT, "%s, %d SMS (half GSM-7 in 1 part, half UCS-2 in 2 parts)%n",
          url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", sent);
      System.out.printf(Locale.ROOT, "outbox dispatcher: %.2f s, %.0f SMS/s%n", dispatchSeconds, sent / dispatchSeconds);
      System.out.printf(Locale.ROOT, "raw jsmpp client, same SMSC, ready-made messages: %.2f s, %.0f SMS/s%n",
          rawSeconds, count / rawSeconds);
      System.out.printf(Locale.ROOT, "ratio dispatcher / raw client: %.2f%n", (sent / dispatchSeconds)
          / (count / rawSeconds));
    }
  }

  private static void queue(Contacts contacts, ChannelConsents consents, SmsQueue queue, TransactionTemplate transaction,
      int count) {
    var now = Instant.now();
    for (int i = 0; i < count; i++) {
      var id = "sms-bench-" + i;
      var phone = "+49170" + (1_000_000 + i);
      transaction.executeWithoutResult(status -> {
        contacts.insert(new Contact(id, null, phone, Contact.create(id, now).timezone(), null, null,
            Map.of("firstName", "Ann"), 0, null, null, null, now, now));
        consents.record(id, Consent.SMS, new Consent(true, now, "benchmark"));
      });
      var text = i % 2 == 0 ? GSM : UCS2;
      var step = new SmsStep(id, "sms-bench", null, text, MessageCategory.TRANSACTIONAL, "Itinera", null, Pacing.SKIP,
          "Task_Sms",
          UUID.randomUUID().toString());
      transaction.executeWithoutResult(status -> queue.queue(step, Map.of()));
    }
  }

  /** The baseline: one bound session, the same parts, submitted back to back. */
  private static double raw(SmsProperties.Smsc smsc, int count) throws Exception {
    var encoded = List.of(SmsCodec.encode(GSM, 1), SmsCodec.encode(UCS2, 2));
    var session = new SMPPSession();
    session.connectAndBind(smsc.host(), smsc.port(), new BindParameter(BindType.BIND_TRX, smsc.systemId(),
        smsc.password(), null, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
    try {
      var began = System.nanoTime();
      for (int i = 0; i < count; i++) {
        var message = encoded.get(i % 2);
        var parts = message.shortMessages();
        for (int part = 0; part < parts.size(); part++) {
          var last = part == parts.size() - 1;
          session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Raw",
              TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "49171" + (1_000_000 + i),
              new ESMClass(message.concatenated() ? SmsCodec.UDHI : 0), (byte) 0, (byte) 0, null, null,
              new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
              (byte) 0, DataCodings.newInstance(message.coding().dataCoding()), (byte) 0, parts.get(part));
        }
      }
      return (System.nanoTime() - began) / 1e9;
    } finally {
      session.unbindAndClose();
    }
  }
}
