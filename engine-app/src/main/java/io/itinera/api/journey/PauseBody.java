package io.itinera.api.journey;

import io.swagger.v3.oas.annotations.media.Schema;

/** A pause asked for: {@code {"drain": true}} lets the runs go on; without it they hold. */
@Schema(description = "drain: false (default) holds the runs where they are; true lets them go on to their end",
    example = "{\"drain\": false}")
record PauseBody(Boolean drain) {
}
