package io.itinera.api;

/** Bad input in one named field of a request; answered with 400 and a problem naming the field. */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
