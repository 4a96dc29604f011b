package io.itinera.smssink;

import io.itinera.sms.SmsCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC on loopback, for the embedded defaults and the tests: accepts binds with the one system id and
 * password it was given, takes submit_sm (concatenated parts put back together), keeps the newest messages in
 * memory, and sends a delivery receipt for every message that asks for one, after its submit_sm_resp. A
 * receipt the client refuses (it may not have recorded the message id yet) is delivered again, up to five
 * times with a doubling pause, as a real SMSC does. {@link #reply} sends an SMS from a phone to the app.
 */
final class EmbeddedSmsc extends ServerResponseDeliveryAdapter implements ServerMessageReceiverListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmsc.class);
  private static final int RECEIPT_ATTEMPTS = 5;

  private final String systemId;
  private final String password;
  private final SmsSinkProperties properties;
  private final Clock clock;
  private final SMPPServerSessionListener listener;
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final CaughtTexts caught;
  private final Map<String, PendingReceipt> receipts = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong(1_000_000);
  private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, runnable -> {
    var thread = new Thread(runnable, "sms-sink");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean running = true;

  /** A receipt to send once the submit_sm_resp of its message went out. */
  private record PendingReceipt(SubmitSm submit, DeliveryReceiptState state) {
  }

  EmbeddedSmsc(SmsSinkProperties properties, String systemId, String password, Clock clock) throws IOException {
    this.properties = properties;
    this.systemId = systemId;
    this.password = password;
    this.clock = clock;
    this.caught = new CaughtTexts(properties.keep(), clock);
    this.listener = new SMPPServerSessionListener(properties.port(), new LoopbackOnly());
    listener.setMessageReceiverListener(this);
    listener.setResponseDeliveryListener(this);
    var acceptor = new Thread(this::acceptSessions, "sms-sink-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  List<CaughtSms> all() {
    return caught.all();
  }

  /** Sends an SMS from {@code phone} to the app over the first bound session; false when none is bound. */
  boolean reply(String phone, String text) {
    var encoded = SmsCodec.encode(text, 0);
    for (var session : sessions) {
      if (session.getSessionState().isReceivable()) {
        try {
          for (var part : encoded.shortMessages()) {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                phone.substring(1), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, systemId,
                new ESMClass(encoded.concatenated() ? SmsCodec.UDHI : 0), (byte) 0, (byte) 0, new RegisteredDelivery(),
                DataCodings.newInstance(encoded.coding().dataCoding()), part);
          }
          return true;
        } catch (Exception failed) {
          log.warn("The app did not take the reply from {}: {}", phone, failed.toString());
          return false;
        }
      }
    }
    return false;
  }

  private void acceptSessions() {
    while (running) {
      try {
        var session = listener.accept();
        sessions.add(session);
        workers.execute(() -> bind(session));
      } catch (IOException stopped) {
        if (running) {
          log.warn("The embedded SMSC stopped accepting: {}", stopped.getMessage());
        }
        return;
      }
    }
  }

  private void bind(SMPPServerSession session) {
    try {
      var request = session.waitForBind(10_000);
      if (!systemId.equals(request.getSystemId()) || !password.equals(request.getPassword())) {
        request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
        sessions.remove(session);
        return;
      }
      request.accept("itinera-sink");
      log.debug("Embedded SMSC: bound {} as {}", request.getSystemId(), request.getBindType());
    } catch (Exception failed) {
      sessions.remove(session);
      log.debug("Embedded SMSC: no bind: {}", failed.toString());
    }
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
    final MessageId id;
    try {
      id = new MessageId(Long.toString(messageIds.incrementAndGet()));
    } catch (PDUStringException impossible) {
      throw new ProcessRequestException(impossible.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
    }
    var part = SmsCodec.decode(submit.getDataCoding(), submit.getEsmClass(), submit.getShortMessage());
    var to = "+" + submit.getDestAddress();
    var state = to.endsWith(properties.undeliverableSuffix()) ? DeliveryReceiptState.UNDELIV
        : DeliveryReceiptState.DELIVRD;
    var wantsReceipt = SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())
        || SMSCDeliveryReceipt.SUCCESS.containedIn(submit.getRegisteredDelivery());
    var sender = submit.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value() ? "+" + submit.getSourceAddr()
        : submit.getSourceAddr();
    caught.add(sender, to, part, submit.getDataCoding() == SmsCodec.Coding.UCS2.dataCoding() ? "UCS2" : "GSM7",
        id.getValue(), wantsReceipt ? state.name() : null);
    if (wantsReceipt) {
      receipts.put(id.getValue(), new PendingReceipt(submit, state));
    }
    return new SubmitSmResult(id, new OptionalParameter[0]);
  }

  @Override
  public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
    var pending = receipts.remove(result.getMessageId());
    if (pending != null) {
      workers.execute(() -> sendReceipt(source, result.getMessageId(), pending, 1));
    }
  }

  private void sendReceipt(SMPPServerSession session, String messageId, PendingReceipt pending, int attempt) {
    var submit = pending.submit();
    var now = Date.from(clock.instant());
    var receipt = new DeliveryReceipt(messageId, 1, pending.state() == DeliveryReceiptState.DELIVRD ? 1 : 0, now, now,
        pending.state(), pending.state() == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
    try {
      session.deliverShortMessage("", TypeOfNumber.valueOf(submit.getDestAddrTon()),
          NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()), submit.getDestAddress(),
          TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
          submit.getSourceAddr(),
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
          (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes());
    } catch (Exception refused) {
      if (attempt < RECEIPT_ATTEMPTS && session.getSessionState().isReceivable()) {
        workers.schedule(() -> sendReceipt(session, messageId, pending, attempt + 1), 100L << attempt,
            TimeUnit.MILLISECONDS);
      } else {
        log.debug("Embedded SMSC: receipt for {} not taken: {}", messageId, refused.toString());
      }
    }
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported("submit_multi");
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported("query_sm");
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported("replace_sm");
  }

  @Override
  public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
    throw unsupported("cancel_sm");
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported("broadcast_sm");
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported("cancel_broadcast_sm");
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported("query_broadcast_sm");
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw unsupported("data_sm");
  }

  private static ProcessRequestException unsupported(String command) {
    return new ProcessRequestException(command + " is not supported by the embedded SMSC",
        SMPPConstant.STAT_ESME_RINVCMDID);
  }

  @Override
  public void close() throws IOException {
    running = false;
    sessions.forEach(SMPPServerSession::unbindAndClose);
    workers.shutdownNow();
    listener.close();
  }

  /** Listens on loopback only: the sink is for this machine, never the network. */
  private static final class LoopbackOnly implements ServerConnectionFactory {

    @Override
    public ServerConnection listen(int port) throws IOException {
      return new ServerSocketConnection(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      return listen(port);
    }
  }
}
