package io.itinera.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Frequency rules as Spring binds them from configuration: a wrong rule stops start-up naming its key. */
class FrequencyRulesConfigurationTest {

  @Test
  void bindsTheRulesInTheirOrder() {
    var properties = bind(Map.of(
        "frequency-rules[0].name", "weekly", "frequency-rules[0].max", "3", "frequency-rules[0].days", "7",
        "frequency-rules[1].name", "sms-daily", "frequency-rules[1].max", "1", "frequency-rules[1].days", "1",
        "frequency-rules[1].channel", "sms"));

    assertThat(properties.frequencyRules()).containsExactly(new FrequencyRule("weekly", 3, 7, null, null),
        new FrequencyRule("sms-daily", 1, 1, "sms", null));
  }

  @Test
  void refusesAnUnknownChannelNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("frequency-rules[0].name", "fax", "frequency-rules[0].max", "1",
        "frequency-rules[0].days", "1", "frequency-rules[0].channel", "fax")))
        .rootCause().hasMessageStartingWith("itinera.channels.frequency-rules[0].channel must be one of");
  }

  @Test
  void refusesARuleThatAllowsNothingOrHasNoDays() {
    assertThatThrownBy(() -> bind(Map.of("frequency-rules[0].name", "none", "frequency-rules[0].max", "0",
        "frequency-rules[0].days", "7")))
        .rootCause().hasMessage("itinera.channels.frequency-rules[0].max must be at least 1");
    assertThatThrownBy(() -> bind(Map.of("frequency-rules[0].name", "never", "frequency-rules[0].max", "2")))
        .rootCause().hasMessage("itinera.channels.frequency-rules[0].days must be 1 to 366");
  }

  @Test
  void refusesTwoRulesOfOneNameNamingTheSecond() {
    assertThatThrownBy(() -> bind(Map.of("frequency-rules[0].name", "weekly", "frequency-rules[0].max", "3",
        "frequency-rules[0].days", "7", "frequency-rules[1].name", "weekly", "frequency-rules[1].max", "1",
        "frequency-rules[1].days", "1")))
        .rootCause().hasMessageStartingWith("itinera.channels.frequency-rules[1].name 'weekly' names an earlier rule");
  }

  private static ChannelProperties bind(Map<String, String> rules) {
    var all = new HashMap<String, String>();
    all.put("itinera.channels.order", "email,push,sms");
    all.put("itinera.channels.topic-window", "PT12H");
    all.put("itinera.channels.spacing.email", "PT2H");
    rules.forEach((key, value) -> all.put("itinera.channels." + key, value));
    return new Binder(new MapConfigurationPropertySource(all)).bind("itinera.channels", ChannelProperties.class).get();
  }
}
