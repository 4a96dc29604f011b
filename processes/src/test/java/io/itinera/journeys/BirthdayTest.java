package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.FixedSendWindow;
import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.ScriptedEnrolAudience;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "journeys/birthday.bpmn")
class BirthdayTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "contact-42";
  /** The scheduler's cron runs in the engine's time zone; the contact lives in it too, to keep the arithmetic plain. */
  private static final ZoneId ZONE = ZoneId.systemDefault();
  private static final Instant NOW = LocalDateTime.parse("2026-06-12T05:30").atZone(ZONE).toInstant();
  /** 09:00 where the contact lives, as the send window answers it. */
  private static final Instant NINE_WHERE_THE_CONTACT_LIVES =
      LocalDateTime.parse("2026-06-12T09:00").atZone(ZONE).toInstant();

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private final FixedSendWindow sendWindow = new FixedSendWindow(Date.from(NINE_WHERE_THE_CONTACT_LIVES));
  private ScriptedEnrolAudience enrol;
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("sendEmailDelegate", sendEmail);
    Mocks.register("sendWindow", sendWindow);
    audienceHasPages(1);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void startsTheEnrolmentEveryHourOnTheHour() {
    var atSix = LocalDateTime.parse("2026-06-12T06:00").atZone(ZONE).toInstant();
    assertThat(hourlyTimerDueDate()).isEqualTo(Date.from(atSix));

    ClockUtil.setCurrentTime(Date.from(atSix));
    driver.runDueJob("Timer_Hourly");

    var run = runtimeService().createProcessInstanceQuery().processDefinitionKey("birthday").singleResult();
    assertThat(run).isWaitingAt("Task_EnrolBirthdays");
    assertThat(hourlyTimerDueDate()).isEqualTo(Date.from(atSix.plus(Duration.ofHours(1))));
  }

  @Test
  void waitsUntilNineInTheMorningWhereTheContactLives() {
    var run = birthdayDue();

    assertThat(sendWindow.localTimesAsked).containsExactly("09:00");
    assertThat(run).isWaitingAt("Timer_Wait0900");
    assertThat(driver.dueDateOfTimer(run.getId(), "Timer_Wait0900")).isEqualTo(Date.from(NINE_WHERE_THE_CONTACT_LIVES));

    driver.passTime(Duration.between(NOW, NINE_WHERE_THE_CONTACT_LIVES).minusMinutes(1), run.getId());

    assertThat(run).isWaitingAt("Timer_Wait0900");
    assertThat(sendEmail.templates).isEmpty();
  }

  @Test
  void sendsTheBirthdayEmailAtNineAndEnds() {
    var run = birthdayDue();

    driver.passTime(Duration.between(NOW, NINE_WHERE_THE_CONTACT_LIVES), run.getId());

    assertThat(sendEmail.templates).containsExactly("birthday");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(run).isEnded()
        .hasPassedInOrder("StartEvent_BirthdayDue", "Timer_Wait0900", "Task_SendBirthday", "EndEvent_Congratulated");
    assertThat(enrol.calls()).isZero();
  }

  private Date hourlyTimerDueDate() {
    return managementService().createJobQuery().activityId("Timer_Hourly").singleResult().getDuedate();
  }

  private ProcessInstance birthdayDue() {
    return runtimeService().createMessageCorrelation("birthday_due")
        .processInstanceBusinessKey(CONTACT)
        .correlateStartMessage();
  }

  private void audienceHasPages(int pages) {
    enrol = ScriptedEnrolAudience.ofPages(pages);
    Mocks.register("enrolAudienceDelegate", enrol);
  }
}
