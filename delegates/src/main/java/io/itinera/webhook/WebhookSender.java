package io.itinera.webhook;

import java.io.IOException;

/**
 * Where the Call webhook step's requests go: over HTTP ({@link WebhookClient}), or into the record
 * of a simulation, which calls nobody.
 */
public interface WebhookSender {

  WebhookAnswer send(WebhookRequest request) throws IOException;
}
