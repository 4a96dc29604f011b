package io.itinera.journey;

import java.util.Map;

/**
 * Evaluates a journey expression (an entry or start condition) outside a running journey, with the
 * same {@code contact} and {@code events} that the journey's own expressions see.
 */
public interface ConditionEvaluator {

  /** @throws IllegalArgumentException if the expression fails or does not give true or false */
  boolean isTrue(String expression, String contactId, Map<String, Object> variables);
}
