package io.itinera.engine;

import io.itinera.journey.JourneyVariable;
import java.util.Map;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Lets expressions read a JSON object variable such as {@code event} as the map it was written from:
 * {@code ${event.source}}, {@code ${event['plan']}}, {@code ${event.containsKey('optOut')}}. The engine hands
 * expressions a Spin node, whose bean properties are not the JSON's.
 */
class JsonObjectElResolver extends ReadOnlyElResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    var map = asMap(base);
    return map == null ? null : context.getELResolver().getValue(context, map, property);
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    var map = asMap(base);
    return map == null ? null : context.getELResolver().invoke(context, map, method, paramTypes, params);
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  private static Map<String, Object> asMap(Object base) {
    return base instanceof SpinJsonNode node ? JourneyVariable.asMap(node) : null;
  }
}
