package io.itinera.journey;

import java.util.HashMap;
import java.util.Map;

/** An event as the router hands it to journeys. */
public record TriggerEvent(long eventId, String contactId, String type, Map<String, Object> properties) {

  /**
   * The variables a journey started by this event gets: {@link JourneyVariables#EVENT} holds the
   * properties ({@code ${event.source == 'website'}}) and {@link JourneyVariables#EVENT_TYPE} the type.
   * The contact is the run's business key; every variable more costs rows in the runtime and history tables.
   */
  public Map<String, Object> variables() {
    var variables = new HashMap<String, Object>();
    JourneyVariables.EVENT.put(variables, properties);
    return JourneyVariables.EVENT_TYPE.put(variables, type);
  }
}
