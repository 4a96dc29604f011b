package io.itinera.preference;

/**
 * A subscription group a marketing send names: opt-in topics send only to contacts who joined them, opt-out
 * topics to everyone who did not leave them. {@code configured} topics come from {@code itinera.topics} and are
 * read-only; the others were defined through the API.
 */
public record Topic(String name, boolean optIn, String label, String description, boolean configured) {

  /** A topic's name, the same rule as a send step's {@code topic} input. */
  public static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";
}
