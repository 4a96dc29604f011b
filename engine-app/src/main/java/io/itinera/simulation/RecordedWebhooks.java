package io.itinera.simulation;

import io.itinera.webhook.WebhookAnswer;
import io.itinera.webhook.WebhookRequest;
import io.itinera.webhook.WebhookSender;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook step's sender in a simulation: keeps each request as it would have gone out and
 * answers {@code 200 {}} without calling anybody.
 */
final class RecordedWebhooks implements WebhookSender {

  static final WebhookAnswer ANSWER = new WebhookAnswer(200, "application/json", "{}");

  private final List<WebhookRequest> requests = new ArrayList<>();

  @Override
  public synchronized WebhookAnswer send(WebhookRequest request) {
    requests.add(request);
    return ANSWER;
  }

  /** The requests since the last call. */
  synchronized List<WebhookRequest> take() {
    var taken = List.copyOf(requests);
    requests.clear();
    return taken;
  }
}
