package io.itinera.push;

/** A push subscription an app sent is not usable; {@code field} names the JSON field at fault ({@code keys.auth}). */
public class InvalidSubscriptionException extends RuntimeException {

  private final String field;

  InvalidSubscriptionException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
