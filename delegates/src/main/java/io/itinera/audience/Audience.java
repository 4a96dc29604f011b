package io.itinera.audience;

import java.util.List;

/**
 * A set of contacts a journey's scheduler enrols, read a page at a time in contact-id order, so
 * that 100,000 contacts become many small transactions instead of one giant one.
 */
public interface Audience {

  /** The name a scheduler step refers to, such as {@code inactive-30-days}. */
  String name();

  /** The next contacts after {@code cursor} (null: from the start); {@code nextCursor} is null at the end. */
  Page page(String cursor, int size);

  /** Contacts to enrol, and where the next page starts. */
  record Page(List<String> contactIds, String nextCursor) {
  }
}
