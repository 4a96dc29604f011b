package io.itinera.webhook;

import io.itinera.journey.StepInputs;
import io.itinera.journey.StepRejectedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The extra fields of a webhook body, as names and values that the body's JSON encoder writes, so a
 * value can never add a field: input {@code payload} as a BPMN map (field to value or expression),
 * and the element template's pairs {@code field1Name}/{@code field1Value} … {@code field5Name}/{@code
 * field5Value}. A text payload is refused: with expressions pasted into JSON text, a value such as
 * {@code x", "refund": "9999} would add a field to a correctly signed body.
 */
final class WebhookPayload {

  /** How many name/value pairs the element template offers. */
  static final int PAIRS = 5;

  private WebhookPayload() {
  }

  static Set<String> inputs() {
    return Stream.concat(Stream.of("payload"), IntStream.rangeClosed(1, PAIRS)
            .boxed().flatMap(pair -> Stream.of(name(pair), value(pair))))
        .collect(Collectors.toUnmodifiableSet());
  }

  static Map<String, Object> from(DelegateExecution execution) {
    var fields = new LinkedHashMap<String, Object>();
    var payload = execution.getVariableLocal("payload");
    if (payload instanceof Map<?, ?> map) {
      map.forEach((name, value) -> fields.put(String.valueOf(name), value));
    } else if (payload instanceof String text && !text.isBlank()) {
      throw new StepRejectedException(StepInputs.where(execution) + ": input 'payload' is text; write it as a map of"
          + " field names to values (camunda:map) or use the template's field name/value pairs, so that each value"
          + " is sent as one JSON value");
    } else if (payload != null && !(payload instanceof String)) {
      throw new StepRejectedException(StepInputs.where(execution) + ": input 'payload' must be a map of field names"
          + " to values, not a " + payload.getClass().getSimpleName());
    }
    for (int pair = 1; pair <= PAIRS; pair++) {
      var name = StepInputs.text(execution, name(pair));
      if (name == null && execution.hasVariableLocal(value(pair))) {
        throw new StepRejectedException(StepInputs.where(execution) + ": input '" + value(pair) + "' has no '"
            + name(pair) + "'");
      }
      if (name != null) {
        fields.put(name, execution.getVariableLocal(value(pair)));
      }
    }
    return fields;
  }

  private static String name(int pair) {
    return "field" + pair + "Name";
  }

  private static String value(int pair) {
    return "field" + pair + "Value";
  }
}
