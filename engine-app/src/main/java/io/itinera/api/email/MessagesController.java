package io.itinera.api.email;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.contact.Contacts;
import io.itinera.outbox.MessageCategory;
import io.itinera.outbox.MessageStatus;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The email a contact was sent, queued or spared, with each message's status. */
@RestController
@ItineraApi
@Tag(name = "Email")
class MessagesController {

  private final Outbox outbox;
  private final Contacts contacts;

  MessagesController(Outbox outbox, Contacts contacts) {
    this.outbox = outbox;
    this.contacts = contacts;
  }

  @Operation(summary = "The emails of a contact: queued, sending, sent, failed or skipped, and why")
  @ApiResponse(responseCode = "200", description = "The contact's emails, oldest first")
  @ApiResponse(responseCode = "404", description = "There is no contact with this id")
  @GetMapping("/api/contacts/{contactId}/messages")
  List<MessageSummary> messages(@PathVariable String contactId) {
    var messages = outbox.ofContact(contactId);
    // An empty list would tell a caller with a typo in the id that the contact simply got no email.
    if (messages.isEmpty() && contacts.find(contactId).isEmpty()) {
      throw Problems.notFound("There is no contact '" + contactId + "'");
    }
    return messages.stream().map(MessageSummary::of).toList();
  }

  /** {@code notBefore}: when a queued message goes out at the earliest (quiet hours, a retry); {@code reason} says why. */
  record MessageSummary(String id, String journey, String template, MessageCategory category, MessageStatus status,
      String reason, String subject, int attempts, Instant createdAt, Instant notBefore, Instant sentAt) {

    static MessageSummary of(OutboxMessage message) {
      return new MessageSummary(message.id(), message.journeyKey(), message.template(), message.category(),
          message.status(), message.reason(), message.subject(), message.attempts(), message.createdAt(),
          message.status() == MessageStatus.QUEUED ? message.nextAttemptAt() : null, message.sentAt());
    }
  }
}
