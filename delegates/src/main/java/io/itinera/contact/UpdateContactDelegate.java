package io.itinera.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Update contact step. Inputs, all optional: {@code set} (attribute to value; values may be
 * expressions over the event and journey variables), {@code increment} (attribute to a number to
 * add), {@code remove} (attribute names), {@code lifecycleStage}, {@code marketing} ({@code stop}: no
 * more marketing email, as a sunset policy does). Maps and lists come as BPMN maps
 * and lists or, as an element template writes them, as JSON objects and comma-separated text. The
 * change goes through the same path as an identify call, so it can start data-driven journeys.
 */
@Component
public class UpdateContactDelegate implements JavaDelegate, JourneyStep {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };

  private final Contacts contacts;
  private final ContactUpdates updates;
  private final ObjectMapper json;
  private final Clock clock;

  public UpdateContactDelegate(Contacts contacts, ContactUpdates updates, ObjectMapper json, Clock clock) {
    this.contacts = contacts;
    this.updates = updates;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public StepInputs inputs() {
    return StepInputs.of(Set.of(), Set.of("set", "increment", "remove", "lifecycleStage", "marketing"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    var contactId = execution.getProcessBusinessKey();
    var contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalStateException("There is no contact '" + contactId + "'"));
    var attributes = new HashMap<String, Object>();
    map(execution, "set").forEach((name, value) -> attributes.put(String.valueOf(name), attributeValue(name, value)));
    map(execution, "increment").forEach((name, delta) -> attributes.put(String.valueOf(name), incremented(contact, name, delta)));
    names(execution.getVariableLocal("remove")).forEach(name -> attributes.put(name, null));
    var stage = execution.getVariableLocal("lifecycleStage");
    updates.apply(contactId, new ContactPatch(Change.none(), Change.none(), Change.none(),
        stage instanceof String text ? Change.to(text) : Change.none(), attributes));
    var marketing = execution.getVariableLocal("marketing");
    if ("stop".equals(marketing)) {
      contacts.unsubscribe(contactId, clock.instant());
    } else if (marketing instanceof String other && !other.isBlank()) {
      throw new IllegalArgumentException("Input 'marketing' can only be 'stop', not '" + other + "'");
    }
  }

  private Map<?, ?> map(DelegateExecution execution, String input) {
    var value = execution.getVariableLocal(input);
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return json.readValue(text, OBJECT);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Input '" + input + "' of step '" + execution.getCurrentActivityName()
            + "' is not a JSON object: " + e.getOriginalMessage(), e);
      }
    }
    return Map.of();
  }

  private static List<String> names(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
    return List.of();
  }

  private static Object attributeValue(Object name, Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    throw new IllegalArgumentException("Attribute '" + name + "' cannot hold a " + value.getClass().getSimpleName()
        + ": use a string, number, boolean or date");
  }

  private static Number incremented(Contact contact, Object name, Object delta) {
    var current = contact.attributes().getOrDefault(String.valueOf(name), 0);
    if (!(current instanceof Number number) || !(delta instanceof Number step)) {
      throw new IllegalArgumentException("Attribute '" + name + "' is " + current + " and cannot be incremented by "
          + delta);
    }
    var sum = number.doubleValue() + step.doubleValue();
    return sum == Math.rint(sum) && Math.abs(sum) < Long.MAX_VALUE ? (Number) (long) sum : (Number) sum;
  }
}
