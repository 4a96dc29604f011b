package io.itinera.template;

import java.util.Map;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

/**
 * Reads a key a map does not have as {@code null}, so that a template can give it a default
 * ({@code ${contact.firstName ?: 'there'}}) where SpEL alone would fail on a contact without a first name.
 */
final class MissingKeysAsNull implements PropertyAccessor {

  @Override
  public Class<?>[] getSpecificTargetClasses() {
    return new Class<?>[] {Map.class};
  }

  @Override
  public boolean canRead(EvaluationContext context, Object target, String name) {
    return target instanceof Map;
  }

  @Override
  public TypedValue read(EvaluationContext context, Object target, String name) {
    return new TypedValue(((Map<?, ?>) target).get(name));
  }

  @Override
  public boolean canWrite(EvaluationContext context, Object target, String name) {
    return false;
  }

  @Override
  public void write(EvaluationContext context, Object target, String name, Object newValue) throws AccessException {
    throw new AccessException("A template cannot change the model");
  }
}
