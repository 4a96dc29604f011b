package io.itinera.contact;

/** A change that would leave a contact with more attributes, or longer ones, than its row holds. */
public class AttributesTooLargeException extends IllegalArgumentException {

  AttributesTooLargeException(String message) {
    super(message);
  }
}
