package io.itinera.simulation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The event that starts the journey, with the properties its expressions and templates read. */
public record SimulatedEvent(@NotBlank @Size(max = 128) String type, Map<String, Object> properties) {

  public Map<String, Object> propertiesOrNone() {
    return properties == null ? Map.of() : properties;
  }
}
