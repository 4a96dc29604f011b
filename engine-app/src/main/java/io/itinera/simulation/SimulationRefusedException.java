package io.itinera.simulation;

/** A simulation that cannot run as asked, because of the named field of the request. */
public class SimulationRefusedException extends RuntimeException {

  private final String field;

  public SimulationRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
