package io.itinera.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Up to {@value #MAX_EVENTS} track calls at once; each is read, checked and answered on its own,
 * which is why they arrive as JSON trees rather than as {@link EventRequest}s.
 */
@Schema(example = """
    {"batch": [{"contactId": "ann-42", "type": "signup", "properties": {"email": "ann@example.com"}},
               {"contactId": "ben-7", "type": "purchase", "properties": {"revenue": 42.5}}]}""")
record EventBatchRequest(
    @ArraySchema(schema = @Schema(implementation = EventRequest.class))
    @NotNull @Size(min = 1, max = MAX_EVENTS) List<JsonNode> batch) {

  static final int MAX_EVENTS = 1000;
}
