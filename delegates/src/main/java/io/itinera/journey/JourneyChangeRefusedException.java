package io.itinera.journey;

/**
 * A change to a live journey that ops asked for and that cannot be made as asked (an unknown version,
 * a mapping to a step that does not exist, runs left in a removed step); names the request's field at fault.
 */
public class JourneyChangeRefusedException extends RuntimeException {

  private final String field;

  public JourneyChangeRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
