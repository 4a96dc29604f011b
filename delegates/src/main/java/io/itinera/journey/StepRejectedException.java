package io.itinera.journey;

/**
 * A step failure that trying again cannot fix (a webhook answered 4xx, an address that must not be
 * called): the job gets no retries and becomes an incident at once.
 */
public class StepRejectedException extends RuntimeException {

  public StepRejectedException(String message) {
    super(message);
  }

  public StepRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
