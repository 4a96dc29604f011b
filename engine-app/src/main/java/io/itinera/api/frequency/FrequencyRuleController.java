package io.itinera.api.frequency;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.outbox.FrequencyRule;
import io.itinera.outbox.FrequencyRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The frequency rules every marketing send obeys: those of the configuration until a list is set here, which then
 * holds on every node until it is deleted.
 */
@RestController
@ItineraApi
@Tag(name = "Frequency rules", description = "At most so many marketing messages in so many days, per contact")
class FrequencyRuleController {

  private static final String PATH = "/api/frequency-rules";

  private final FrequencyRules rules;

  FrequencyRuleController(FrequencyRules rules) {
    this.rules = rules;
  }

  @Operation(summary = "The frequency rules in force, in their order",
      description = "source: 'configuration' (itinera.channels.frequency-rules) or 'api' (set with PUT).")
  @GetMapping(PATH)
  RulesResponse inForce() {
    return RulesResponse.of(rules.inForce());
  }

  @Operation(summary = "Replace the frequency rules, whole",
      description = "All rules apply; the first in the list that a message would break is named in its reason."
          + " An empty list means no frequency rule at all. A wrong rule changes nothing: 400 naming its field,"
          + " such as rules[1].channel; a topic must be defined (GET /api/topics).")
  @PutMapping(PATH)
  RulesResponse replace(@RequestBody RulesRequest request) {
    if (request.rules() == null) {
      throw new InvalidFieldException("rules", "rules: a list of rules {name, max, days, channel?, topic?} is"
          + " required; [] for none");
    }
    var replacement = request.rules().stream().map(rule -> rule == null ? null : rule.toRule()).toList();
    rules.replace(replacement).ifPresent(mistake -> {
      throw new InvalidFieldException(mistake.field(), mistake.message());
    });
    return inForce();
  }

  @Operation(summary = "Go back to the configured frequency rules")
  @DeleteMapping(PATH)
  RulesResponse useConfiguration() {
    rules.useConfiguration();
    return inForce();
  }

  @Schema(example = """
      {"rules": [{"name": "all-channels-weekly", "max": 3, "days": 7},
                 {"name": "sms-daily", "max": 1, "days": 1, "channel": "sms"},
                 {"name": "newsletter-weekly", "max": 1, "days": 7, "topic": "newsletter"}]}""")
  record RulesRequest(List<RuleBody> rules) {
  }

  /**
   * At most {@code max} marketing messages in any {@code days} consecutive calendar days of the contact's zone, on
   * {@code channel} (email, sms, push; none: all) about {@code topic} (none: any).
   */
  record RuleBody(String name, Integer max, Integer days, String channel, String topic) {

    /** A missing number is 0, which the rule's own check refuses naming the field. */
    FrequencyRule toRule() {
      return new FrequencyRule(name, max == null ? 0 : max, days == null ? 0 : days, channel, topic);
    }

    static RuleBody of(FrequencyRule rule) {
      return new RuleBody(rule.name(), rule.max(), rule.days(), rule.channel(), rule.topic());
    }
  }

  record RulesResponse(@Schema(allowableValues = {"configuration", "api"}) String source, List<RuleBody> rules) {

    static RulesResponse of(FrequencyRules.InForce inForce) {
      return new RulesResponse(inForce.source().name().toLowerCase(Locale.ROOT),
          inForce.rules().stream().map(RuleBody::of).toList());
    }
  }
}
