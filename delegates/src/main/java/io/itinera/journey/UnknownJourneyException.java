package io.itinera.journey;

/** No version of a journey with this key is deployed. */
public class UnknownJourneyException extends RuntimeException {

  public UnknownJourneyException(String journeyKey) {
    super("There is no journey '" + journeyKey + "'");
  }
}
