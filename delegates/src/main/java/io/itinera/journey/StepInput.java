package io.itinera.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One input parameter of a journey step, by name and type: the step reads it only through this, and
 * lists it in its {@link StepInputs}, so what a step reads and what it declares cannot drift apart.
 * A missing or unreadable input fails with the step and the input named ({@link StepInputs#where}), as a
 * {@link StepMisconfiguredException}: no retry can fix it.
 */
public final class StepInput<T> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

  private final String name;
  private final boolean required;
  private final Reader<T> reader;
  private final T fallback;

  /** Turns the input's value as the engine holds it into the step's type; null when left out. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(StepInput<?> input, DelegateExecution execution, Object value);
  }

  private StepInput(String name, boolean required, Reader<T> reader, T fallback) {
    this.name = name;
    this.required = required;
    this.reader = reader;
    this.fallback = fallback;
  }

  /** Text that the step cannot do without. */
  public static StepInput<String> required(String name) {
    return new StepInput<>(name, true, StepInput::text, null);
  }

  /** Text, or null when left out or empty (the Modeler writes empty fields). */
  public static StepInput<String> optional(String name) {
    return new StepInput<>(name, false, StepInput::text, null);
  }

  /** The value as given (a map, a list, an expression's result), or null. */
  public static StepInput<Object> value(String name) {
    return new StepInput<>(name, false, (input, execution, value) -> value, null);
  }

  /** Names as a BPMN list or as comma-separated text (as an element template writes them); empty when left out. */
  public static StepInput<List<String>> names(String name) {
    return new StepInput<>(name, false, StepInput::names, List.of());
  }

  /** A map as a BPMN map or as JSON object text (as an element template writes it); empty when left out. */
  public static StepInput<Map<String, Object>> map(String name) {
    return new StepInput<>(name, false, StepInput::map, Map.of());
  }

  /** A whole number, as a number or as text. */
  public static StepInput<Integer> integer(String name) {
    return new StepInput<>(name, false, StepInput::integer, null);
  }

  /** An ISO-8601 duration such as {@code PT10S}. */
  public static StepInput<Duration> duration(String name) {
    return new StepInput<>(name, false, StepInput::duration, null);
  }

  /** The same input, worth {@code value} when left out. */
  public StepInput<T> otherwise(T value) {
    return new StepInput<>(name, required, reader, value);
  }

  public String name() {
    return name;
  }

  public boolean isRequired() {
    return required;
  }

  /** The input of the step this execution is at. */
  public T from(DelegateExecution execution) {
    var value = reader.read(this, execution, execution.getVariableLocal(name));
    if (value != null) {
      return value;
    }
    if (required) {
      throw new StepMisconfiguredException(StepInputs.where(execution) + " has no input parameter '" + name + "'");
    }
    return fallback;
  }

  /** Whether the step's BPMN sets this input at all, even to nothing. */
  public boolean isGiven(DelegateExecution execution) {
    return execution.hasVariableLocal(name);
  }

  /** How a failure names this input: {@code Step 'Call CRM' (Task_CallCrm): input 'timeout'}. */
  public String describe(DelegateExecution execution) {
    return StepInputs.where(execution) + ": input '" + name + "'";
  }

  /** A failure for a value of this input that the step cannot use; {@code problem} says why. */
  public StepMisconfiguredException invalid(DelegateExecution execution, String problem) {
    return new StepMisconfiguredException(describe(execution) + " " + problem);
  }

  @Override
  public String toString() {
    return name;
  }

  private static String text(StepInput<?> input, DelegateExecution execution, Object value) {
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  private static List<String> names(StepInput<?> input, DelegateExecution execution, Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
    return null;
  }

  private static Map<String, Object> map(StepInput<?> input, DelegateExecution execution, Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((key, entry) -> copy.put(String.valueOf(key), entry));
      return copy;
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return JSON.readValue(text, OBJECT);
      } catch (JsonProcessingException e) {
        throw new StepMisconfiguredException(
            input.describe(execution) + " is not a JSON object: " + e.getOriginalMessage(), e);
      }
    }
    return null;
  }

  private static Integer integer(StepInput<?> input, DelegateExecution execution, Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    var text = text(input, execution, value);
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new StepMisconfiguredException(input.describe(execution) + " must be a whole number, not '" + text + "'", e);
    }
  }

  private static Duration duration(StepInput<?> input, DelegateExecution execution, Object value) {
    var text = text(input, execution, value);
    try {
      return text == null ? null : Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new StepMisconfiguredException(input.describe(execution) + " must be an ISO-8601 duration", e);
    }
  }
}
