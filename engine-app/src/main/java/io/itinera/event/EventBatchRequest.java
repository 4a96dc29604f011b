package io.itinera.event;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to {@value #MAX_EVENTS} track calls at once; each is checked and answered on its own. */
record EventBatchRequest(@NotNull @Size(min = 1, max = MAX_EVENTS) List<EventRequest> batch) {

  static final int MAX_EVENTS = 1000;
}
