package io.itinera.simulation;

import java.util.Map;

/** A webhook request as the step would have sent it; nobody was called. */
public record SimulatedWebhook(String method, String url, Map<String, String> headers, String body) {
}
