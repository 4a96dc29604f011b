package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.FixedSendWindow;
import io.itinera.journeys.JourneyDoubles.FixedWebhooks;
import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.RecordingStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "journeys/post-purchase.bpmn")
class PostPurchaseTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "c1";
  private static final Instant PURCHASED = Instant.parse("2026-06-12T16:00:00Z");
  private static final Instant A_WEEK_LATER = PURCHASED.plus(Duration.ofDays(7));
  /** The contact's best hour on the day the week is over. */
  private static final Instant BEST_HOUR = Instant.parse("2026-06-19T19:00:00Z");

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private final RecordingStep callWebhook = new RecordingStep("url", "payload", "resultVariable");
  private final RecordingStep addToSegment = new RecordingStep("segment");
  private final FixedWebhooks webhooks = new FixedWebhooks();
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(PURCHASED));
    Mocks.register("sendEmailDelegate", sendEmail);
    Mocks.register("callWebhookDelegate", callWebhook);
    Mocks.register("addToSegmentDelegate", addToSegment);
    Mocks.register("webhooks", webhooks);
    Mocks.register("sendWindow", new FixedSendWindow(Date.from(BEST_HOUR)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void thanksTheBuyerWithATransactionalEmailBeforeAnythingElse() {
    var run = purchase();
    assertThat(run).isWaitingAt("Task_SendThankYou");

    driver.runDueJob("Task_SendThankYou");

    assertThat(sendEmail.templates).containsExactly("thank-you");
    assertThat(sendEmail.categories).containsExactly("transactional");
    assertThat(callWebhook.calls).isEmpty();
    assertThat(run).isWaitingAt("Task_NotifyCrm");
  }

  @Test
  void tellsTheCrmAboutTheOrderFromThePurchaseEvent() {
    var run = purchase();

    driver.runDueJobs();

    assertThat(webhooks.namesAsked).containsExactly("crm");
    assertThat(callWebhook.calls).singleElement().satisfies(call -> {
      assertThat(call.get("url")).isEqualTo("https://hooks.test/crm");
      // A map, so each value is encoded on its own and none can add a field to the CRM's JSON.
      assertThat(call.get("payload")).isEqualTo(Map.of("event", "purchase", "orderId", "o-1", "total", 10));
      assertThat(call.get("resultVariable")).isEqualTo("crm");
    });
    assertThat(run).hasPassedInOrder("Task_SendThankYou", "Task_NotifyCrm").isWaitingAt("Timer_Wait7Days");
  }

  @Test
  void waitsAWeekAndThenUntilTheContactsBestHour() {
    var run = startBefore("Timer_Wait7Days");

    driver.passTime(Duration.ofDays(7).minusMinutes(1));
    assertThat(run).isWaitingAt("Timer_Wait7Days");

    driver.passTime(Duration.ofMinutes(1));

    assertThat(run).isWaitingAt("Timer_WaitForBestHour");
    assertThat(driver.dueDateOfTimer(run.getId(), "Timer_WaitForBestHour")).isEqualTo(Date.from(BEST_HOUR));
    assertThat(sendEmail.templates).isEmpty();
  }

  @Test
  void asksForAReviewInTheBestHourThenAddsTheBuyerToCustomers() {
    ClockUtil.setCurrentTime(Date.from(A_WEEK_LATER));
    var run = startBefore("Timer_WaitForBestHour");

    driver.passTime(Duration.between(A_WEEK_LATER, BEST_HOUR).minusMinutes(1));
    assertThat(sendEmail.templates).isEmpty();
    assertThat(addToSegment.calls).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendEmail.templates).containsExactly("review-request");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(addToSegment.values("segment")).containsExactly("customers");
    assertThat(run).isEnded()
        .hasPassedInOrder("Timer_WaitForBestHour", "Task_SendReviewRequest", "Task_AddToCustomers", "EndEvent_Done");
  }

  @Test
  void walksABuyerThroughTheWholeJourney() {
    var run = purchase();

    driver.runDueJobs();
    driver.passTime(Duration.ofDays(7));
    driver.passTime(Duration.between(A_WEEK_LATER, BEST_HOUR));

    assertThat(sendEmail.templates).containsExactly("thank-you", "review-request");
    assertThat(callWebhook.values("url")).containsExactly("https://hooks.test/crm");
    assertThat(addToSegment.values("segment")).containsExactly("customers");
    assertThat(run).isEnded().hasPassedInOrder(
        "StartEvent_Purchase", "Task_SendThankYou", "Task_NotifyCrm", "Timer_Wait7Days", "Timer_WaitForBestHour",
        "Task_SendReviewRequest", "Task_AddToCustomers", "EndEvent_Done");
  }

  private ProcessInstance purchase() {
    var event = new HashMap<String, Object>(Map.of("orderId", "o-1", "total", 10));
    return runtimeService().createMessageCorrelation("purchase")
        .processInstanceBusinessKey(CONTACT)
        .setVariable("event", event)
        .correlateStartMessage();
  }

  private ProcessInstance startBefore(String activityId) {
    return runtimeService().createProcessInstanceByKey("post-purchase")
        .businessKey(CONTACT)
        .startBeforeActivity(activityId)
        .execute();
  }
}
