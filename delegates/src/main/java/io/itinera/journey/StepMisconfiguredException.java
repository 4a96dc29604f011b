package io.itinera.journey;

/**
 * A step whose BPMN settings it cannot work with (an input missing or unreadable, a template that
 * does not exist): only a change to the journey fixes it, so it is an incident at once.
 */
public class StepMisconfiguredException extends StepRejectedException {

  public StepMisconfiguredException(String message) {
    super(message);
  }

  public StepMisconfiguredException(String message, Throwable cause) {
    super(message, cause);
  }
}
