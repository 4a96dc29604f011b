package io.itinera.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One request of a Call webhook step, to go to exactly the addresses that the guard checked. */
public record WebhookRequest(String method, URI url, Map<String, String> headers, String body, Duration timeout,
    List<InetAddress> addresses) {
}
