package io.itinera.contact;

/** One field of a partial update: left as it is, or set to a value (null clears it). */
public record Change<T>(boolean present, T value) {

  private static final Change<?> NONE = new Change<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Change<T> none() {
    return (Change<T>) NONE;
  }

  public static <T> Change<T> to(T value) {
    return new Change<>(true, value);
  }

  T or(T current) {
    return present ? value : current;
  }
}
