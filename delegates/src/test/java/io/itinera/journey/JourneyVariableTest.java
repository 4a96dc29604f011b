package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class JourneyVariableTest {

  @Test
  void writesAMapAsAJsonValueAndReadsItBackAsTheMap() {
    var event = Map.<String, Object>of("source", "website", "items", List.of(Map.of("sku", "A-1", "price", 9.5)));

    var variables = JourneyVariables.EVENT.put(new HashMap<>(), event);

    assertThat(variables.get("event")).isInstanceOfSatisfying(JsonValue.class,
        json -> assertThat(json.getValue().prop("items").elements().get(0).prop("sku").stringValue()).isEqualTo("A-1"));
    assertThat(JourneyVariables.EVENT.from(variables)).contains(event);
  }

  @Test
  void stillReadsAMapStoredByAnEarlierRelease() {
    var variables = Map.<String, Object>of("event", new HashMap<>(Map.of("source", "website")));

    assertThat(JourneyVariables.EVENT.from(variables)).contains(Map.of("source", "website"));
  }

  @Test
  void readsAnythingElseAsAbsent() {
    assertThat(JourneyVariables.EVENT.from(Map.of("event", "website"))).isEmpty();
  }
}
