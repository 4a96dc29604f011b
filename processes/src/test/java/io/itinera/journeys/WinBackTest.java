package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.RecordingStep;
import io.itinera.journeys.JourneyDoubles.ScriptedEnrolAudience;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
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

@Deployment(resources = "journeys/win-back.bpmn")
class WinBackTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "contact-42";
  /** The scheduler's cron runs in the engine's time zone: the clock starts at 16:00 there. */
  private static final ZoneId ZONE = ZoneId.systemDefault();
  private static final Instant NOW = LocalDateTime.parse("2026-06-12T16:00").atZone(ZONE).toInstant();

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private final RecordingStep removeFromSegment = new RecordingStep("segment");
  private final RecordingStep addToSegment = new RecordingStep("segment");
  private final RecordingStep updateContact = new RecordingStep("lifecycleStage", "marketing");
  private ScriptedEnrolAudience enrol;
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("sendEmailDelegate", sendEmail);
    Mocks.register("removeFromSegmentDelegate", removeFromSegment);
    Mocks.register("addToSegmentDelegate", addToSegment);
    Mocks.register("updateContactDelegate", updateContact);
    audienceHasPages(1);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void startsTheEnrolmentEveryDayAtSixInTheMorning() {
    var tomorrowAtSix = LocalDateTime.parse("2026-06-13T06:00").atZone(ZONE).toInstant();
    assertThat(dailyTimerDueDate()).isEqualTo(Date.from(tomorrowAtSix));

    ClockUtil.setCurrentTime(Date.from(tomorrowAtSix));
    driver.runDueJob("Timer_Daily");

    var run = runtimeService().createProcessInstanceQuery().processDefinitionKey("win-back").singleResult();
    assertThat(run).isWaitingAt("Task_EnrolInactive");
    assertThat(dailyTimerDueDate()).isEqualTo(Date.from(tomorrowAtSix.plus(Duration.ofDays(1))));
  }

  @Test
  void sendsWeMissYouAndWaitsForAnOpenOrSevenDays() {
    var run = winBackDue();

    driver.runDueJobs(run.getId());

    assertThat(sendEmail.templates).containsExactly("we-miss-you");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(run).isWaitingAt("Gateway_OpenedOrSilent");
  }

  @Test
  void anOpenWithinSevenDaysEndsTheRunAsCameBackWithNothingElseDone() {
    var run = winBackDue();
    driver.runDueJobs(run.getId());
    driver.passTime(Duration.ofDays(7).minusMinutes(1), run.getId());

    runtimeService().createMessageCorrelation("email_opened").processInstanceId(run.getId()).correlate();

    assertThat(run).isEnded().hasPassed("Event_Opened", "EndEvent_CameBack")
        .hasNotPassed("Timer_Wait7Days", "Task_RemoveFromActive", "EndEvent_Sunset");
    assertThat(sendEmail.templates).containsExactly("we-miss-you");
    assertThat(removeFromSegment.calls).isEmpty();
    assertThat(addToSegment.calls).isEmpty();
    assertThat(updateContact.calls).isEmpty();
    assertThat(enrol.calls()).isZero();
  }

  @Test
  void aContactSilentForSevenDaysMovesFromActiveToSunsetAndGetsNoMoreMarketing() {
    var run = winBackDue();
    driver.runDueJobs(run.getId());

    driver.passTime(Duration.ofDays(7).minusMinutes(1), run.getId());
    assertThat(run).isWaitingAt("Gateway_OpenedOrSilent");
    assertThat(removeFromSegment.calls).isEmpty();

    driver.passTime(Duration.ofMinutes(1), run.getId());

    assertThat(removeFromSegment.values("segment")).containsExactly("active");
    assertThat(addToSegment.values("segment")).containsExactly("sunset");
    assertThat(updateContact.calls).containsExactly(Map.of("lifecycleStage", "sunset", "marketing", "stop"));
    assertThat(sendEmail.templates).containsExactly("we-miss-you");
    assertThat(run).isEnded()
        .hasPassedInOrder("Timer_Wait7Days", "Task_RemoveFromActive", "Task_AddToSunset", "Task_StopMarketing",
            "EndEvent_Sunset")
        .hasNotPassed("Event_Opened", "EndEvent_CameBack");
  }

  private Date dailyTimerDueDate() {
    return managementService().createJobQuery().activityId("Timer_Daily").singleResult().getDuedate();
  }

  private ProcessInstance winBackDue() {
    return runtimeService().createMessageCorrelation("win_back_due")
        .processInstanceBusinessKey(CONTACT)
        .correlateStartMessage();
  }

  private void audienceHasPages(int pages) {
    enrol = ScriptedEnrolAudience.ofPages(pages);
    Mocks.register("enrolAudienceDelegate", enrol);
  }
}
