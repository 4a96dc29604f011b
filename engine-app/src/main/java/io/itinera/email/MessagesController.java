package io.itinera.email;

import io.itinera.api.ItineraApi;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The email a contact was sent, queued or spared, with each message's status. */
@RestController
@ItineraApi
class MessagesController {

  private final Outbox outbox;

  MessagesController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/api/contacts/{contactId}/messages")
  List<MessageSummary> messages(@PathVariable String contactId) {
    return outbox.ofContact(contactId).stream().map(MessageSummary::of).toList();
  }

  record MessageSummary(String id, String journey, String template, EmailCategory category, MessageStatus status,
      String reason, String subject, int attempts, Instant createdAt, Instant sentAt) {

    static MessageSummary of(OutboxMessage message) {
      return new MessageSummary(message.id(), message.journeyKey(), message.template(), message.category(),
          message.status(), message.reason(), message.subject(), message.attempts(), message.createdAt(),
          message.sentAt());
    }
  }
}
