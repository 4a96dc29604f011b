package io.itinera.check;

/** The file is not BPMN that the model API can read, so there is nothing to check. */
public class UnreadableJourneyException extends RuntimeException {

  public UnreadableJourneyException(String message, Throwable cause) {
    super(message, cause);
  }
}
