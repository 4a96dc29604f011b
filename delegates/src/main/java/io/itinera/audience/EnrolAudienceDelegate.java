package io.itinera.audience;

import io.itinera.journey.JourneyRouter;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.JourneyVariables;
import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Enrol audience step of a journey's scheduler: starts the journey (by its start
 * {@code message}) for one page of the {@code audience}, in this step's own transaction, and keeps
 * the cursor in {@link JourneyVariables#AUDIENCE_CURSOR}. The BPMN loops back to this step
 * (asynchronously) while {@link JourneyVariables#AUDIENCE_DONE} is false, so each page is a job of its
 * own. Entry rules apply as for events.
 */
@Component
public class EnrolAudienceDelegate implements JavaDelegate, JourneyStep {

  private static final StepInput<String> AUDIENCE = StepInput.required("audience");
  private static final StepInput<String> MESSAGE = StepInput.required("message");
  private static final StepInput<Integer> PAGE_SIZE = StepInput.integer("pageSize").otherwise(500);
  private static final StepInputs INPUTS = StepInputs.of(List.of(AUDIENCE, MESSAGE, PAGE_SIZE));

  private final Map<String, Audience> audiences;
  private final JourneyRouter router;

  public EnrolAudienceDelegate(List<Audience> audiences, JourneyRouter router) {
    this.audiences = audiences.stream().collect(Collectors.toMap(Audience::name, Function.identity()));
    this.router = router;
  }

  @Override
  public StepInputs inputs() {
    return INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var audienceName = AUDIENCE.from(execution);
    var audience = audiences.get(audienceName);
    if (audience == null) {
      throw AUDIENCE.invalid(execution, "names no audience: use one of " + audiences.keySet());
    }
    var message = MESSAGE.from(execution);
    var page = audience.page(JourneyVariables.AUDIENCE_CURSOR.from(execution).orElse(null), PAGE_SIZE.from(execution));
    var enrolled = 0;
    for (var contactId : page.contactIds()) {
      enrolled += router.start(contactId, message, Map.of()).started().size();
    }
    var total = JourneyVariables.AUDIENCE_ENROLLED.from(execution).orElse(0);
    JourneyVariables.AUDIENCE_ENROLLED.set(execution, total + enrolled);
    JourneyVariables.AUDIENCE_CURSOR.set(execution, page.nextCursor());
    JourneyVariables.AUDIENCE_DONE.set(execution, page.nextCursor() == null);
  }
}
