package io.itinera.simulation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;

/** Something the contact did before the simulation starts, {@code ago} before it. */
public record PastEvent(@NotBlank @Size(max = 128) String type, @NotNull Duration ago, Map<String, Object> properties) {
}
