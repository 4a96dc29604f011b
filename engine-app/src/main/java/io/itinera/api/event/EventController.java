package io.itinera.api.event;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.event.EventIntake;
import io.itinera.event.EventOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Track: apps tell Itinera what their contacts did; each answer says what it did to journeys. */
@RestController
@ItineraApi
@Tag(name = "Events", description = "Track: what contacts did; each answer says what it did to journeys")
@RequestMapping("/api/events")
class EventController {

  private static final Logger log = LoggerFactory.getLogger(EventController.class);

  private final EventIntake intake;
  private final EventRequests requests;

  EventController(EventIntake intake, EventRequests requests) {
    this.intake = intake;
    this.requests = requests;
  }

  @Operation(summary = "Track one event", description = "Stores the event and routes it: it may start journeys or "
      + "move waiting runs on. The same messageId twice is one event. An unknown contact is created.")
  @PostMapping
  EventOutcome track(@Valid @RequestBody EventRequest request) {
    return intake.accept(requests.check(request, ""));
  }

  /** Each event is taken in its own transaction: one that fails, for whatever reason, fails alone. */
  @Operation(summary = "Track up to 1,000 events",
      description = "Each event is answered at its index, with its outcome or its problem; a bad event fails alone.")
  @PostMapping("/batch")
  EventBatchResponse batch(@Valid @RequestBody EventBatchRequest request) {
    var results = new ArrayList<EventBatchResponse.Result>(request.batch().size());
    for (int index = 0; index < request.batch().size(); index++) {
      try {
        var event = requests.read(request.batch().get(index), "batch[" + index + "]");
        results.add(new EventBatchResponse.Result(index, intake.accept(event), null));
      } catch (InvalidFieldException invalid) {
        results.add(new EventBatchResponse.Result(index, null, Problems.invalidField(invalid)));
      } catch (RuntimeException failed) {
        log.error("Event {} of a batch could not be taken in", index, failed);
        results.add(new EventBatchResponse.Result(index, null, notTakenIn()));
      }
    }
    return new EventBatchResponse(results);
  }

  private static ProblemDetail notTakenIn() {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "This event was not taken in because of an error on our side; send it again");
    problem.setTitle("Event not taken in");
    return problem;
  }
}
