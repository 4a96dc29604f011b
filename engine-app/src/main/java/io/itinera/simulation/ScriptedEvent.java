package io.itinera.simulation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;

/** Something the contact does {@code after} the start, e.g. {@code {"after": "PT30H", "type": "email_opened"}}. */
public record ScriptedEvent(@NotNull Duration after, @NotBlank @Size(max = 128) String type,
    Map<String, Object> properties) {

  public Map<String, Object> propertiesOrNone() {
    return properties == null ? Map.of() : properties;
  }
}
