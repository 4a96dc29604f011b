package io.itinera.contact;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Update contact step. Inputs, all optional: {@code set} (a map of attribute to value; values
 * may be expressions over the event and journey variables), {@code increment} (a map of attribute to
 * a number to add), {@code remove} (a list of attribute names), {@code lifecycleStage}. The change
 * goes through the same path as an identify call, so it can start data-driven journeys.
 */
@Component
public class UpdateContactDelegate implements JavaDelegate {

  private final Contacts contacts;
  private final ContactUpdates updates;

  public UpdateContactDelegate(Contacts contacts, ContactUpdates updates) {
    this.contacts = contacts;
    this.updates = updates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var contactId = execution.getProcessBusinessKey();
    var contact = contacts.find(contactId)
        .orElseThrow(() -> new IllegalStateException("There is no contact '" + contactId + "'"));
    var attributes = new HashMap<String, Object>();
    map(execution, "set").forEach((name, value) -> attributes.put(String.valueOf(name), attributeValue(name, value)));
    map(execution, "increment").forEach((name, delta) -> attributes.put(String.valueOf(name), incremented(contact, name, delta)));
    if (execution.getVariableLocal("remove") instanceof List<?> names) {
      names.forEach(name -> attributes.put(String.valueOf(name), null));
    }
    var stage = execution.getVariableLocal("lifecycleStage");
    updates.apply(contactId, new ContactPatch(Change.none(), Change.none(), Change.none(),
        stage instanceof String text ? Change.to(text) : Change.none(), attributes));
  }

  private static Map<?, ?> map(DelegateExecution execution, String input) {
    return execution.getVariableLocal(input) instanceof Map<?, ?> map ? map : Map.of();
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
