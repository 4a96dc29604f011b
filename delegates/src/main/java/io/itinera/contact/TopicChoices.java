package io.itinera.contact;

import java.util.Map;

/**
 * A contact's choices of topics per channel ({@code {"offers": {"email": true, "sms": false}}}) and where they
 * came from (the app's settings, the preference page): joining again is as possible as leaving.
 */
public record TopicChoices(Map<String, Map<String, Boolean>> byTopic, String source) {

  public static final TopicChoices NONE = new TopicChoices(Map.of(), null);

  public boolean isEmpty() {
    return byTopic.isEmpty();
  }
}
