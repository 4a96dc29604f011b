package io.itinera.event;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Track: apps tell Itinera what their contacts did; each answer says what it did to journeys. */
@RestController
@ItineraApi
@RequestMapping("/api/events")
class EventController {

  private final EventIntake intake;
  private final Validator validator;

  EventController(EventIntake intake, Validator validator) {
    this.intake = intake;
    this.validator = validator;
  }

  @PostMapping
  EventOutcome track(@Valid @RequestBody EventRequest request) {
    return intake.accept(newEvent(request, ""));
  }

  @PostMapping("/batch")
  EventBatchResponse batch(@Valid @RequestBody EventBatchRequest request) {
    var results = new ArrayList<EventBatchResponse.Result>(request.batch().size());
    for (int index = 0; index < request.batch().size(); index++) {
      var prefix = "batch[" + index + "].";
      try {
        var event = request.batch().get(index);
        if (event == null) {
          throw new InvalidFieldException("batch[" + index + "]", "An event is an object, not null");
        }
        check(event, prefix);
        results.add(new EventBatchResponse.Result(index, intake.accept(newEvent(event, prefix)), null));
      } catch (InvalidFieldException invalid) {
        results.add(new EventBatchResponse.Result(index, null, Problems.invalidField(invalid.field(), invalid.getMessage())));
      }
    }
    return new EventBatchResponse(results);
  }

  private void check(EventRequest event, String prefix) {
    validator.validate(event).stream()
        .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .ifPresent(violation -> {
          throw new InvalidFieldException(prefix + violation.getPropertyPath(),
              violation.getPropertyPath() + ": " + violation.getMessage());
        });
  }

  private static NewEvent newEvent(EventRequest request, String prefix) {
    var properties = request.properties() == null ? Map.<String, Object>of() : request.properties();
    var email = properties.get("email");
    if (email != null && !(email instanceof String address && address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      throw new InvalidFieldException(prefix + "properties.email", "properties.email must be an email address");
    }
    return new NewEvent(request.contactId(), request.type(), properties, request.occurredAt(), request.messageId());
  }
}
