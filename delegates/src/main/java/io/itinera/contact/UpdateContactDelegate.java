package io.itinera.contact;

import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final StepInput<Map<String, Object>> SET = StepInput.map("set");
  private static final StepInput<Map<String, Object>> INCREMENT = StepInput.map("increment");
  private static final StepInput<List<String>> REMOVE = StepInput.names("remove");
  // As given, not stripped: an empty stage is a change to empty, as before inputs were typed.
  private static final StepInput<Object> LIFECYCLE_STAGE = StepInput.value("lifecycleStage");
  private static final StepInput<String> MARKETING = StepInput.optional("marketing");
  private static final StepInputs INPUTS = StepInputs.of(List.of(SET, INCREMENT, REMOVE, LIFECYCLE_STAGE, MARKETING));

  private final Contacts contacts;
  private final ContactUpdates updates;
  private final Clock clock;

  public UpdateContactDelegate(Contacts contacts, ContactUpdates updates, Clock clock) {
    this.contacts = contacts;
    this.updates = updates;
    this.clock = clock;
  }

  @Override
  public StepInputs inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var contactId = execution.getProcessBusinessKey();
    var contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalStateException("There is no contact '" + contactId + "'"));
    var attributes = new HashMap<String, Object>();
    SET.from(execution).forEach((name, value) -> attributes.put(name, attributeValue(name, value)));
    INCREMENT.from(execution).forEach((name, delta) -> attributes.put(name, incremented(contact, name, delta)));
    REMOVE.from(execution).forEach(name -> attributes.put(name, null));
    var stage = LIFECYCLE_STAGE.from(execution);
    var marketing = MARKETING.from(execution);
    if (marketing != null && !"stop".equals(marketing)) {
      throw MARKETING.invalid(execution, "can only be 'stop', not '" + marketing + "'");
    }
    var consents = marketing == null ? Map.<String, Consent>of()
        : Map.of(ContactPatch.EMAIL, new Consent(false, clock.instant(), "journey " + StepInputs.journeyKey(execution)));
    updates.apply(contactId, new ContactPatch(Change.none(), Change.none(), Change.none(), Change.none(),
        stage instanceof String text ? Change.to(text) : Change.none(), attributes, consents, null, TopicChoices.NONE));
  }

  private static Object attributeValue(String name, Object value) {
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

  private static Number incremented(Contact contact, String name, Object delta) {
    var current = contact.attributes().getOrDefault(name, 0);
    if (!(current instanceof Number number) || !(delta instanceof Number step)) {
      throw new IllegalArgumentException("Attribute '" + name + "' is " + current + " and cannot be incremented by "
          + delta);
    }
    var sum = number.doubleValue() + step.doubleValue();
    return sum == Math.rint(sum) && Math.abs(sum) < Long.MAX_VALUE ? (Number) (long) sum : (Number) sum;
  }
}
