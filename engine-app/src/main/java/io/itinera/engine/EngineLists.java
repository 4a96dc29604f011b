package io.itinera.engine;

import java.util.ArrayList;
import java.util.List;

/** Our plugins add to the engine configuration's lists of custom parts, which are null until someone adds one. */
final class EngineLists {

  private EngineLists() {
  }

  /** A new list: what the configuration held, if anything, and then {@code added}. */
  static <T> List<T> plus(List<? extends T> existing, T added) {
    var list = existing == null ? new ArrayList<T>() : new ArrayList<T>(existing);
    list.add(added);
    return list;
  }
}
