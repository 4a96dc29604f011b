package io.itinera.engine;

import io.itinera.contact.ContactViews;
import io.itinera.event.EventHistories;
import io.itinera.journey.JourneyVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Resolves {@code contact} and {@code events} in every journey expression to the contact of the
 * run (its business key) or, outside a run, of the {@link JourneyVariables#CONTACT_ID} variable,
 * read fresh from the store at each evaluation instead of copied into process variables.
 */
class JourneyContextElResolver extends ReadOnlyElResolver {

  static final String CONTACT = "contact";
  static final String EVENTS = "events";

  private final ObjectProvider<ContactViews> contacts;
  private final ObjectProvider<EventHistories> histories;

  JourneyContextElResolver(ObjectProvider<ContactViews> contacts, ObjectProvider<EventHistories> histories) {
    this.contacts = contacts;
    this.histories = histories;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base != null || !(CONTACT.equals(property) || EVENTS.equals(property))) {
      return null;
    }
    var contactId = contactIdOf(context);
    if (contactId == null) {
      return null;
    }
    context.setPropertyResolved(true);
    return CONTACT.equals(property) ? contacts.getObject().of(contactId) : histories.getObject().of(contactId);
  }

  private static String contactIdOf(ELContext context) {
    var scope = context.getContext(VariableScope.class);
    // A conditional start is evaluated on an execution that belongs to no process instance yet.
    if (scope instanceof DelegateExecution execution && execution.getProcessInstance() != null
        && execution.getProcessInstance().getBusinessKey() != null) {
      return execution.getProcessInstance().getBusinessKey();
    }
    var inScope = scope instanceof VariableScope variables
        ? JourneyVariables.CONTACT_ID.from(variables).orElse(null) : null;
    if (inScope != null) {
      return inScope;
    }
    if (context.getContext(VariableContext.class) instanceof VariableContext variables) {
      var id = variables.resolve(JourneyVariables.CONTACT_ID.name());
      return id != null && id.getValue() instanceof String text ? text : null;
    }
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? Object.class : null;
  }
}
