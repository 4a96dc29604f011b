package io.itinera.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Bounds the free-form JSON an app stores with us (event properties, contact attributes) well below
 * the columns that hold it (text of 262,144 characters), so a value that would not fit, or would
 * not read back, is refused naming its field instead of failing in the database.
 */
@Component
public class JsonValueLimits {

  public static final int MAX_NAMES = 100;
  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_TEXT_LENGTH = 2000;
  public static final int MAX_DEPTH = 5;
  public static final int MAX_JSON_LENGTH = 64 * 1024;

  private final ObjectMapper json;

  public JsonValueLimits(ObjectMapper json) {
    this.json = json;
  }

  /** Event properties: an object of up to {@value #MAX_DEPTH} levels of objects, arrays and scalars. */
  public void checkProperties(String field, Map<String, Object> properties) {
    checkObject(field, properties, 1, true);
    final int length;
    try {
      length = json.writeValueAsString(properties).length();
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException(field, field + " cannot be written as JSON");
    }
    if (length > MAX_JSON_LENGTH) {
      throw new InvalidFieldException(field, field + " are at most " + MAX_JSON_LENGTH + " characters as JSON");
    }
  }

  /** Contact attributes: a flat object of strings, numbers and booleans; null removes one. */
  public void checkAttributes(String field, Map<String, Object> attributes) {
    checkObject(field, attributes, 1, false);
  }

  private void checkObject(String field, Map<?, ?> object, int depth, boolean nested) {
    if (object.size() > MAX_NAMES) {
      throw new InvalidFieldException(field, field + " holds at most " + MAX_NAMES + " names");
    }
    object.forEach((key, value) -> {
      var name = String.valueOf(key);
      if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw new InvalidFieldException(field, "Names in " + field + " are 1 to " + MAX_NAME_LENGTH + " characters");
      }
      checkValue(field + "." + name, value, depth, nested);
    });
  }

  private void checkValue(String field, Object value, int depth, boolean nested) {
    if (value instanceof String text && text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidFieldException(field, field + " is at most " + MAX_TEXT_LENGTH + " characters");
    }
    if (value instanceof Double number && !Double.isFinite(number)) {
      throw new InvalidFieldException(field, field + " is a number out of range");
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (!nested) {
        throw new InvalidFieldException(field,
            field + ": expected a string, number, boolean or date (an ISO-8601 string), or null to remove it");
      }
      if (depth >= MAX_DEPTH) {
        throw new InvalidFieldException(field, field + " nests deeper than " + MAX_DEPTH + " levels");
      }
    }
    if (value instanceof Map<?, ?> object) {
      checkObject(field, object, depth + 1, nested);
    }
    if (value instanceof List<?> array) {
      if (array.size() > MAX_NAMES) {
        throw new InvalidFieldException(field, field + " holds at most " + MAX_NAMES + " values");
      }
      for (int index = 0; index < array.size(); index++) {
        checkValue(field + "[" + index + "]", array.get(index), depth + 1, nested);
      }
    }
  }
}
