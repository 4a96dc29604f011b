package io.itinera.webhook;

/** A webhook's answer as the step reads it. */
public record WebhookAnswer(int status, String contentType, String body) {
}
