package io.itinera.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A step given a missing or unusable input fails before it does anything, with a message that
 * names the step and the input (what ops read in Cockpit's incident), and writes nothing. The
 * failure is a {@link StepMisconfiguredException}, so the incident comes at once.
 */
@ItineraAppTest
class StepInputFailuresTest {

  private static final String STEP = "Step 'Do the step' (Task_Step)";

  private final ApiClient api;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final String contact = "c-" + UUID.randomUUID();

  @Autowired
  StepInputFailuresTest(TestRestTemplate http, RepositoryService repository, RuntimeService runtime) {
    this.api = new ApiClient(http);
    this.repository = repository;
    this.runtime = runtime;
  }

  @BeforeEach
  void setUp() {
    api.put("/api/contacts/{id}", Map.of("email", "ann@example.com"), contact);
  }

  /** The journey check refuses a journey that leaves a required input out; an expression can still give nothing. */
  @Test
  void namesARequiredInputThatIsMissing() {
    assertThatThrownBy(() -> runStep("addToSegmentDelegate", Map.of()))
        .hasMessageContaining("Task_Step 'Do the step': has no input 'segment'");
    assertThatThrownBy(() -> runStep("addToSegmentDelegate", Map.of("segment", "${null}")))
        .isInstanceOf(StepMisconfiguredException.class)
        .hasMessage(STEP + " has no input parameter 'segment'");
    assertThatThrownBy(() -> runStep("sendEmailDelegate", Map.of("category", "marketing", "template", "${null}")))
        .hasMessage(STEP + " has no input parameter 'template'");
  }

  @Test
  void refusesAHoldoutThatIsNotAWholePercentUpTo50() {
    var split = new LinkedHashMap<>(Map.of("experiment", "e-" + UUID.randomUUID(), "variants", "a:50,b:50"));

    split.put("holdout", "ten");
    assertThatThrownBy(() -> runStep("abSplitDelegate", split))
        .hasMessage(STEP + ": input 'holdout' must be a whole number, not 'ten'");
    split.put("holdout", "60");
    assertThatThrownBy(() -> runStep("abSplitDelegate", split))
        .hasMessage(STEP + ": input 'holdout' must be 0 to 50 percent, not 60");
  }

  @Test
  void refusesVariantsWithoutWeightsAndAnUnknownAudience() {
    // Through an expression: the deployment check already refuses variants written out without weights.
    var split = Map.of("experiment", "e-" + UUID.randomUUID(), "variants", "${'control'}");
    var enrol = Map.of("audience", "left-handed", "message", "never_sent_" + UUID.randomUUID());

    assertThatThrownBy(() -> runStep("abSplitDelegate", split))
        .isInstanceOf(StepMisconfiguredException.class)
        .hasMessageStartingWith(STEP + ": input 'variants' is not usable: ")
        .hasMessageContaining("control:50");
    assertThatThrownBy(() -> runStep("enrolAudienceDelegate", enrol))
        .isInstanceOf(StepMisconfiguredException.class)
        .hasMessageStartingWith(STEP + ": input 'audience' names no audience: use one of ")
        .hasMessageContaining("birthday-today");
  }

  @Test
  void refusesAPageSizeThatIsNotANumber() {
    var enrol = Map.of("audience", "birthday-today", "message", "never_sent_" + UUID.randomUUID(), "pageSize", "many");

    assertThatThrownBy(() -> runStep("enrolAudienceDelegate", enrol))
        .hasMessage(STEP + ": input 'pageSize' must be a whole number, not 'many'");
  }

  @Test
  void refusesAWebhookTimeoutThatIsNotADurationBeforeCallingAnything() {
    // Loopback port 9 (discard): never called, the input is read before any connection.
    var webhook = Map.of("url", "http://127.0.0.1:9/hooks/crm", "timeout", "ten seconds");

    assertThatThrownBy(() -> runStep("callWebhookDelegate", webhook))
        .hasMessage(STEP + ": input 'timeout' must be an ISO-8601 duration");
  }

  @Test
  void refusesContactDataThatIsNotAJsonObjectAndChangesNothing() {
    assertThatThrownBy(() -> runStep("updateContactDelegate", Map.of("set", "plan=pro")))
        .hasMessageStartingWith(STEP + ": input 'set' is not a JSON object");
    assertThatThrownBy(() -> runStep("updateContactDelegate", Map.of("marketing", "pause")))
        .hasMessage(STEP + ": input 'marketing' can only be 'stop', not 'pause'");

    var read = api.get("/api/contacts/{id}", contact).getBody();
    assertThat(read.get("attributes").has("plan")).isFalse();
  }

  /** Runs a journey of one step, synchronously, so its failure reaches the caller. */
  private void runStep(String bean, Map<String, String> inputs) {
    var key = "test-step-input-" + UUID.randomUUID().toString().substring(0, 8);
    var task = Bpmn.createExecutableProcess(key).name("Test: one step").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started").name("Started")
        .serviceTask("Task_Step").name("Do the step").camundaDelegateExpression("${" + bean + "}");
    inputs.forEach(task::camundaInputParameter);
    var model = task.endEvent("EndEvent_Done").name("Done").done();
    repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    runtime.startProcessInstanceByKey(key, contact);
  }
}
