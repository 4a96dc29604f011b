package io.itinera.check;

/** One thing wrong with a journey: the element at fault, by id and name, and what to change. */
public record Problem(String element, String name, String message) {

  @Override
  public String toString() {
    return element + " '" + (name == null ? "" : name) + "': " + message;
  }
}
