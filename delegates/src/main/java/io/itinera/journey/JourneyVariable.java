package io.itinera.journey;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * One process variable of a journey, by name and type: the single place where Java reads and writes
 * it, so that a name BPMN uses ({@code ${audienceDone}}) is spelled once. A stored value of another
 * type reads as absent, never as a failed cast.
 */
public final class JourneyVariable<T> {

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private JourneyVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
  }

  public static JourneyVariable<String> text(String name) {
    return plain(name, String.class);
  }

  public static JourneyVariable<Integer> integer(String name) {
    return new JourneyVariable<>(name, value -> value instanceof Number number ? number.intValue() : null,
        value -> value);
  }

  public static JourneyVariable<Boolean> flag(String name) {
    return plain(name, Boolean.class);
  }

  public static JourneyVariable<Date> date(String name) {
    return plain(name, Date.class);
  }

  /**
   * A map of names to values, stored as a Spin JSON value: Cockpit shows it as JSON, and expressions read it
   * like a map ({@code ${event.source}}) through the engine's JSON resolver. Runs started before read their
   * serialized {@code HashMap} as before.
   */
  public static JourneyVariable<Map<String, Object>> map(String name) {
    return new JourneyVariable<>(name, JourneyVariable::asMap,
        value -> value == null ? null : SpinValues.jsonValue(Spin.JSON(new HashMap<>(value))).create());
  }

  /** The same kind of variable under another name, for a step whose BPMN chooses where it writes. */
  public JourneyVariable<T> renamed(String otherName) {
    return new JourneyVariable<>(otherName, reader, writer);
  }

  public String name() {
    return name;
  }

  /** The value visible from this scope (local or inherited), when it is there and of this type. */
  public Optional<T> from(VariableScope scope) {
    return Optional.ofNullable(reader.apply(scope.getVariable(name)));
  }

  /** The value in a map of variables (a start's variables, a template's model). */
  public Optional<T> from(Map<String, ?> variables) {
    return Optional.ofNullable(reader.apply(variables.get(name)));
  }

  /** Sets the value where the engine puts it by default: in the highest scope that has it, else the run. */
  public void set(VariableScope scope, T value) {
    scope.setVariable(name, writer.apply(value));
  }

  /** Adds the value to a map of variables handed to the engine; returns the map. */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, writer.apply(value));
    return variables;
  }

  @Override
  public String toString() {
    return name;
  }

  private static <T> JourneyVariable<T> plain(String name, Class<T> type) {
    return new JourneyVariable<>(name, value -> type.isInstance(value) ? type.cast(value) : null, value -> value);
  }

  /**
   * A map variable's value as a map, however it is held: a map, a Spin JSON object as the engine reads it back,
   * or the {@link JsonValue} written for the engine; anything else is null.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object value) {
    var json = value instanceof JsonValue typed ? typed.getValue() : value;
    if (json instanceof SpinJsonNode node) {
      // By class, not by type name: Spin resolves a name through the class loader on every read.
      return node.isObject() ? node.mapTo(LinkedHashMap.class) : null;
    }
    if (!(json instanceof Map<?, ?> map)) {
      return null;
    }
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((key, entry) -> copy.put(String.valueOf(key), entry));
    return copy;
  }
}
