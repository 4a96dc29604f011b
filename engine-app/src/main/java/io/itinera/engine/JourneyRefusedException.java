package io.itinera.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A deployment refused by the journey check. A {@link ProcessEngineException}, so the engine REST API
 * answers it with 400 and the message, as it does for its own parse errors.
 */
public class JourneyRefusedException extends ProcessEngineException {

  public JourneyRefusedException(String message) {
    super(message);
  }
}
