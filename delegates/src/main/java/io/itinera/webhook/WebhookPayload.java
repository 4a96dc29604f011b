package io.itinera.webhook;

import io.itinera.journey.StepInput;
import io.itinera.journey.StepRejectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final int PAIRS = 5;

  private static final StepInput<Object> PAYLOAD = StepInput.value("payload");
  private static final List<Field> FIELDS = IntStream.rangeClosed(1, PAIRS).mapToObj(Field::numbered).toList();
  static final List<StepInput<?>> INPUTS = Stream.concat(Stream.of(PAYLOAD),
      FIELDS.stream().flatMap(field -> Stream.of(field.name(), field.value()))).toList();

  /** One name/value pair of the element template. */
  private record Field(StepInput<String> name, StepInput<Object> value) {

    static Field numbered(int pair) {
      return new Field(StepInput.optional("field" + pair + "Name"), StepInput.value("field" + pair + "Value"));
    }
  }

  private WebhookPayload() {
  }

  static Map<String, Object> from(DelegateExecution execution) {
    var fields = new LinkedHashMap<String, Object>();
    var payload = PAYLOAD.from(execution);
    if (payload instanceof Map<?, ?> map) {
      map.forEach((name, value) -> fields.put(String.valueOf(name), value));
    } else if (payload instanceof String text && !text.isBlank()) {
      throw new StepRejectedException(PAYLOAD.describe(execution) + " is text; write it as a map of"
          + " field names to values (camunda:map) or use the template's field name/value pairs, so that each value"
          + " is sent as one JSON value");
    } else if (payload != null && !(payload instanceof String)) {
      throw new StepRejectedException(PAYLOAD.describe(execution) + " must be a map of field names"
          + " to values, not a " + payload.getClass().getSimpleName());
    }
    for (var field : FIELDS) {
      var name = field.name().from(execution);
      if (name == null && field.value().isGiven(execution)) {
        throw new StepRejectedException(field.value().describe(execution) + " has no '" + field.name() + "'");
      }
      if (name != null) {
        fields.put(name, field.value().from(execution));
      }
    }
    return fields;
  }
}
