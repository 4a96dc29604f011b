package io.itinera.api.push;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.push.InvalidSubscriptionException;
import io.itinera.push.PushSubscription;
import io.itinera.push.PushSubscriptionRegistry;
import io.itinera.push.VapidKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push for apps: the VAPID public key their pages subscribe with, and the contact's push subscriptions
 * (what the browser's {@code PushSubscription.toJSON()} gives). Subscribing records push consent.
 */
@RestController
@ItineraApi
@Tag(name = "Push", description = "Web Push: the VAPID key to subscribe with, and contacts' push subscriptions")
class PushSubscriptionController {

  /** 9999-12-31T23:59:59.999Z: beyond it a timestamp no longer fits the database. */
  private static final double LATEST_EXPIRATION = 253_402_300_799_999d;

  private final PushSubscriptionRegistry registry;
  private final VapidKeys vapid;

  PushSubscriptionController(PushSubscriptionRegistry registry, VapidKeys vapid) {
    this.registry = registry;
    this.vapid = vapid;
  }

  @Operation(summary = "The VAPID public key: pass it as applicationServerKey to pushManager.subscribe()")
  @GetMapping("/api/push/vapid-public-key")
  VapidPublicKey vapidPublicKey() {
    return new VapidPublicKey(vapid.publicKey());
  }

  @Operation(summary = "Register a push subscription of the contact (the browser's PushSubscription.toJSON())",
      description = "The same endpoint registered again stays one subscription. A subscription new to the contact "
          + "records push consent (source 'subscription').")
  @ApiResponse(responseCode = "201", description = "The subscription is registered")
  @ApiResponse(responseCode = "400", description = "A field is malformed: endpoint, keys.p256dh or keys.auth")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @PostMapping("/api/contacts/{contactId}/push-subscriptions")
  ResponseEntity<SubscriptionView> register(@PathVariable String contactId, @RequestBody SubscriptionRequest request) {
    checkContactId(contactId);
    var keys = request.keys() == null ? new SubscriptionRequest.Keys(null, null) : request.keys();
    var expiration = request.expirationTime();
    if (expiration != null && !(expiration >= 0 && expiration <= LATEST_EXPIRATION)) {
      throw new InvalidFieldException("expirationTime",
          "must be null or the milliseconds since 1970 at which the subscription expires, as the browser gives it");
    }
    try {
      return registry.register(contactId, new PushSubscriptionRegistry.Request(request.endpoint(),
              expiration == null ? null : Instant.ofEpochMilli(expiration.longValue()), keys.p256dh(), keys.auth()))
          .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionView.of(saved)))
          .orElseThrow(() -> Problems.notFound("There is no contact '" + contactId + "'"));
    } catch (InvalidSubscriptionException invalid) {
      throw new InvalidFieldException(invalid.field(), invalid.getMessage());
    }
  }

  @Operation(summary = "The contact's push subscriptions, oldest first")
  @GetMapping("/api/contacts/{contactId}/push-subscriptions")
  List<SubscriptionView> list(@PathVariable String contactId) {
    checkContactId(contactId);
    return registry.ofContact(contactId).stream().map(SubscriptionView::of).toList();
  }

  @Operation(summary = "Remove a push subscription of the contact")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "404", description = "The contact has no subscription with this id")
  @DeleteMapping("/api/contacts/{contactId}/push-subscriptions/{subscriptionId}")
  ResponseEntity<Void> remove(@PathVariable String contactId, @PathVariable String subscriptionId) {
    checkContactId(contactId);
    if (!registry.remove(contactId, subscriptionId)) {
      throw Problems.notFound("Contact '" + contactId + "' has no push subscription '" + subscriptionId + "'");
    }
    return ResponseEntity.noContent().build();
  }

  private static void checkContactId(String contactId) {
    if (!contactId.matches(ItineraApi.CONTACT_ID)) {
      throw new InvalidFieldException("contactId", "A contact id is 1 to 255 letters, digits and . _ @ : + -");
    }
  }

  record VapidPublicKey(String publicKey) {
  }

  /** {@code expirationTime}: milliseconds since the epoch, or null, as browsers give it. */
  @Schema(example = """
      {"endpoint": "https://fcm.googleapis.com/fcm/send/dP8...", "expirationTime": null,
       "keys": {"p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
                "auth": "tBHItJI5svbpez7KI4CCXg"}}""")
  record SubscriptionRequest(String endpoint,
      @Schema(types = {"number", "null"}, description = "When the browser will drop the subscription, or null")
      Double expirationTime,
      Keys keys) {

    record Keys(String p256dh, String auth) {
    }
  }

  /** A subscription as the API shows it; its keys stay inside. */
  record SubscriptionView(String id, String endpoint, Instant expirationTime, Instant createdAt) {

    static SubscriptionView of(PushSubscription subscription) {
      return new SubscriptionView(subscription.id(), subscription.endpoint(), subscription.expiresAt(),
          subscription.createdAt());
    }
  }
}
