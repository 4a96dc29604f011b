package io.itinera.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.itinera.event.EventOutcome;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** One answer per event of a batch, in the order sent: its outcome, or the problem with it. */
record EventBatchResponse(List<Result> results) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(int index, EventOutcome outcome, ProblemDetail problem) {
  }
}
