package io.itinera.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/**
 * Says what is wrong with a JSON value in the words of the API, never Jackson's, whose messages
 * name Java classes ({@code java.util.LinkedHashMap}) an app developer has never heard of.
 */
public final class JsonMistakes {

  private JsonMistakes() {
  }

  /** The field at fault, after {@code prefix} ({@code batch[3]}), and what it should have been. */
  public static InvalidFieldException explain(JsonMappingException mapping, String prefix) {
    var field = fieldOf(mapping, prefix);
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return new InvalidFieldException(field, "Unknown field '" + unknown.getPropertyName() + "'");
    }
    var type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    return new InvalidFieldException(field, field + ": " + expected(type));
  }

  /** What a value of this type looks like in JSON. */
  public static String expected(Class<?> type) {
    if (type == null) {
      return "invalid value";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
      return "expected a text value";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "expected true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "expected a number";
    }
    if (TemporalAccessor.class.isAssignableFrom(type)) {
      return "expected a date and time in ISO-8601 with an offset, such as 2026-11-29T16:00:00Z";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "expected a JSON array";
    }
    if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type) || type.isRecord()) {
      return "expected a JSON object";
    }
    return "invalid value";
  }

  /** {@code batch[3].occurredAt}, as a developer would write it. */
  private static String fieldOf(JsonMappingException mapping, String prefix) {
    var path = new StringBuilder(prefix);
    for (var reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
