package io.itinera.outbox;

import io.itinera.contact.Contact;
import io.itinera.journey.JourneyVariables;
import java.util.HashMap;
import java.util.Map;

/**
 * What a message template sees, on every channel: {@code contact} (id, email, phone, firstName, lastName,
 * timezone, locale, attributes), {@code event} (the trigger event's properties) and {@code vars} (the
 * journey's variables). A channel adds its own entries, such as email's {@code unsubscribeUrl}.
 */
public final class MessageModel {

  private MessageModel() {
  }

  public static Map<String, Object> of(Contact contact, Map<String, Object> journeyVariables) {
    var person = new HashMap<String, Object>();
    person.put("id", contact.id());
    person.put("email", contact.email());
    person.put("phone", contact.phone());
    person.put("firstName", contact.attributes().get("firstName"));
    person.put("lastName", contact.attributes().get("lastName"));
    person.put("timezone", contact.timezone().getId());
    person.put("locale", contact.locale());
    person.put("attributes", contact.attributes());
    var model = new HashMap<String, Object>();
    model.put("contact", person);
    model.put("event", JourneyVariables.EVENT.from(journeyVariables).orElse(Map.of()));
    model.put("vars", journeyVariables);
    return model;
  }
}
