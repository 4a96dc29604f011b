package io.itinera.api.email;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.contact.Contacts;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.itinera.push.PushMessage;
import io.itinera.push.PushOutbox;
import io.itinera.sms.SmsMessage;
import io.itinera.sms.SmsOutbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The messages a contact was sent, queued or spared on every channel, with each message's status. */
@RestController
@ItineraApi
@Tag(name = "Email")
class MessagesController {

  private final Outbox outbox;
  private final SmsOutbox sms;
  private final PushOutbox push;
  private final Contacts contacts;

  MessagesController(Outbox outbox, SmsOutbox sms, PushOutbox push, Contacts contacts) {
    this.outbox = outbox;
    this.sms = sms;
    this.push = push;
    this.contacts = contacts;
  }

  @Operation(summary = "The messages of a contact (email, SMS, push): queued, sending, sent, failed or skipped, and"
      + " why")
  @ApiResponse(responseCode = "200", description = "The contact's messages, newest first")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @GetMapping("/api/contacts/{contactId}/messages")
  List<MessageSummary> messages(@PathVariable String contactId) {
    var messages = Stream.concat(outbox.ofContact(contactId).stream().map(MessageSummary::of),
            Stream.concat(sms.ofContact(contactId).stream().map(MessageSummary::of),
                push.ofContact(contactId).stream().map(MessageSummary::of)))
        .sorted(Comparator.comparing(MessageSummary::createdAt).reversed())
        .toList();
    // An empty list would tell a caller with a typo in the id that the contact simply got no message.
    if (messages.isEmpty() && contacts.find(contactId).isEmpty()) {
      throw Problems.notFound("There is no contact '" + contactId + "'");
    }
    return messages;
  }

  /**
   * {@code channel}: {@code email}, {@code sms} or {@code push}; {@code notBefore}: when a queued message goes out
   * at the earliest (quiet hours, a retry); {@code reason} says why. Email has a template and subject, SMS its text
   * and, once the SMSC reported it, the receipt's state ({@code DELIVRD}, {@code UNDELIV}, ...). Push has its title
   * as {@code subject} and its body as {@code text}, one message per subscription.
   */
  record MessageSummary(String id, String channel, String journey, String template, MessageCategory category,
      MessageStatus status, String reason, String subject, String text, String receipt, int attempts,
      Instant createdAt, Instant notBefore, Instant sentAt) {

    static MessageSummary of(OutboxMessage message) {
      return new MessageSummary(message.id(), "email", message.journeyKey(), message.template(), message.category(),
          message.status(), message.reason(), message.subject(), null, null, message.attempts(), message.createdAt(),
          notBefore(message.status(), message.nextAttemptAt()), message.sentAt());
    }

    static MessageSummary of(SmsMessage message) {
      return new MessageSummary(message.id(), "sms", message.journeyKey(), null, message.category(),
          message.status(), message.reason(), null, message.text(), message.receipt(), message.attempts(),
          message.createdAt(), notBefore(message.status(), message.nextAttemptAt()), message.sentAt());
    }

    static MessageSummary of(PushMessage message) {
      return new MessageSummary(message.id(), "push", message.journeyKey(), null, message.category(),
          message.status(), message.reason(), message.title(), message.body(), null, message.attempts(),
          message.createdAt(), notBefore(message.status(), message.nextAttemptAt()), message.sentAt());
    }

    private static Instant notBefore(MessageStatus status, Instant nextAttemptAt) {
      return status == MessageStatus.QUEUED ? nextAttemptAt : null;
    }
  }
}
