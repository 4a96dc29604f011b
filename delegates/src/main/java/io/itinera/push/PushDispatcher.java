package io.itinera.push;

import io.itinera.journey.StepRejectedException;
import io.itinera.outbox.Channel;
import io.itinera.outbox.OutboxDispatch;
import io.itinera.outbox.SendFailure;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.LinkedHashMap;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the push outbox over Web Push (RFC 8030), encrypted for the subscription's browser with aes128gcm
 * (RFC 8291) and signed with the app's VAPID key (RFC 8292), with the claim, lease and retry rules of every
 * outbox ({@link OutboxDispatch}): at least once. 201 or 202 is sent (the Location is kept); 404 and 410 mean
 * the browser dropped the subscription: it is deleted and the message fails as "subscription expired"; other
 * refusals (400, 413, 401/403 for a VAPID problem) fail it for good; 429, 5xx and network trouble are tried
 * again later.
 */
@Component
public class PushDispatcher implements Channel<PushMessage> {

  static final String EXPIRED = "subscription expired";

  private final PushSubscriptions subscriptions;
  private final PushEndpoints endpoints;
  private final VapidKeys vapid;
  private final PushHttp http;
  private final PushProperties properties;
  private final TransactionTemplate transaction;
  private final OutboxDispatch<PushMessage> dispatch;

  PushDispatcher(PushOutbox outbox, PushSubscriptions subscriptions, PushEndpoints endpoints, VapidKeys vapid,
      PushHttp http, PushProperties properties, TransactionTemplate transaction, Clock clock) {
    this.subscriptions = subscriptions;
    this.endpoints = endpoints;
    this.vapid = vapid;
    this.http = http;
    this.properties = properties;
    this.transaction = transaction;
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

  @Override
  public String server() {
    return "push service";
  }

  @Override
  public Connection<PushMessage> open() {
    return new Connection<>() {
      @Override
      public String send(PushMessage message) throws SendFailure {
        return push(message);
      }

      @Override
      public void close() {
        // Each push opens its own connection to its subscription's push service.
      }
    };
  }

  private String push(PushMessage message) throws SendFailure {
    var subscription = subscriptions.find(message.subscriptionId())
        .orElseThrow(() -> new SendFailure("the push subscription was removed", true, null));
    var endpoint = URI.create(subscription.endpoint());
    final PushHttp.Answer answer;
    try {
      var addresses = endpoints.addresses(endpoint);
      var encrypted = AbstractPushService.encrypt(PushPayload.of(message.title(), message.body(), message.url()),
          PushKeys.publicKey(subscription.p256dh()), PushKeys.decode(subscription.auth()), Encoding.AES128GCM);
      var headers = new LinkedHashMap<String, String>();
      headers.put("TTL", Long.toString(properties.ttl().toSeconds()));
      headers.put("Content-Encoding", "aes128gcm");
      headers.put("Urgency", "normal");
      headers.put("Authorization", vapid.authorization(endpoint));
      answer = http.post(endpoint, addresses, headers, encrypted.getCiphertext(), properties.timeout());
    } catch (StepRejectedException internal) {
      throw new SendFailure(internal.getMessage(), true, internal);
    } catch (GeneralSecurityException broken) {
      throw new SendFailure("cannot encrypt for this subscription: " + broken.getMessage(), true, broken);
    } catch (IOException | IllegalStateException unreachable) {
      throw new SendFailure("push service " + endpoint.getHost() + " unreachable: " + unreachable.getMessage(), false,
          unreachable);
    }
    return outcome(subscription, answer);
  }

  private String outcome(PushSubscription subscription, PushHttp.Answer answer) throws SendFailure {
    var status = answer.status();
    if (status == 201 || status == 202 || status == 200) {
      return answer.location();
    }
    if (status == 404 || status == 410) {
      transaction.executeWithoutResult(done -> subscriptions.delete(subscription.id()));
      throw new SendFailure(EXPIRED, true, null);
    }
    var refusal = "push service answered " + status + (answer.excerpt().isBlank() ? "" : ": " + answer.excerpt());
    throw new SendFailure(refusal, !(status == 429 || status >= 500), null);
  }
}
