package io.itinera.journey;

import java.util.HashMap;
import java.util.Map;

/** An event as the router hands it to journeys. */
public record TriggerEvent(long eventId, String contactId, String type, Map<String, Object> properties) {

  /**
   * The variables a journey started by this event gets: {@code event} holds the properties
   * ({@code ${event.source == 'website'}}), with the type, id and contact beside it.
   */
  public Map<String, Object> variables() {
    var variables = new HashMap<String, Object>();
    variables.put("event", new HashMap<>(properties));
    variables.put("eventType", type);
    variables.put("eventId", eventId);
    variables.put("contactId", contactId);
    return variables;
  }
}
