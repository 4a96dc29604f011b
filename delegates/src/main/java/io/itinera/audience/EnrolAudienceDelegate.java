package io.itinera.audience;

import io.itinera.journey.JourneyRouter;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Enrol audience step of a journey's scheduler: starts the journey (by its start
 * {@code message}) for one page of the {@code audience}, in this step's own transaction, and keeps
 * the cursor in {@code audienceCursor}. The BPMN loops back to this step (asynchronously) while
 * {@code audienceDone} is false, so each page is a job of its own. Entry rules apply as for events.
 */
@Component
public class EnrolAudienceDelegate implements JavaDelegate, JourneyStep {

  private static final int DEFAULT_PAGE = 500;

  private final Map<String, Audience> audiences;
  private final JourneyRouter router;

  public EnrolAudienceDelegate(List<Audience> audiences, JourneyRouter router) {
    this.audiences = audiences.stream().collect(Collectors.toMap(Audience::name, Function.identity()));
    this.router = router;
  }

  @Override
  public StepInputs inputs() {
    return StepInputs.of(Set.of("audience", "message"), Set.of("pageSize"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    var audienceName = StepInputs.required(execution, "audience");
    var audience = audiences.get(audienceName);
    if (audience == null) {
      throw new IllegalArgumentException("Unknown audience '" + audienceName + "': one of " + audiences.keySet());
    }
    var message = StepInputs.required(execution, "message");
    var size = StepInputs.text(execution, "pageSize") == null ? DEFAULT_PAGE
        : Integer.parseInt(StepInputs.text(execution, "pageSize"));
    var cursor = execution.getVariable("audienceCursor") instanceof String text ? text : null;
    var page = audience.page(cursor, size);
    var enrolled = 0;
    for (var contactId : page.contactIds()) {
      enrolled += router.start(contactId, message, Map.of()).started().size();
    }
    var total = execution.getVariable("audienceEnrolled") instanceof Number number ? number.intValue() : 0;
    execution.setVariable("audienceEnrolled", total + enrolled);
    execution.setVariable("audienceCursor", page.nextCursor());
    execution.setVariable("audienceDone", page.nextCursor() == null);
  }
}
