package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.FakeContact;
import io.itinera.journeys.JourneyDoubles.FixedSendWindow;
import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "journeys/welcome-series.bpmn")
class WelcomeSeriesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "contact-42";
  private static final Instant SIGNED_UP = Instant.parse("2026-03-06T16:00:00Z");
  /** The Monday 09:00 after the 24-hour wait that ends on a Saturday. */
  private static final Instant BUSINESS_HOURS_OPEN = Instant.parse("2026-03-09T09:00:00Z");

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(SIGNED_UP));
    Mocks.register("sendEmailDelegate", sendEmail);
    Mocks.register("sendWindow", new FixedSendWindow(Date.from(BUSINESS_HOURS_OPEN)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void queuesTheWelcomeEmailAsynchronouslyRightAfterSignup() {
    var run = signUp();

    assertThat(run).isWaitingAt("Task_SendWelcomeEmail");
    assertThat(sendEmail.templates).isEmpty();

    driver.runDueJobs();

    assertThat(sendEmail.templates).containsExactly("welcome");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(run).isWaitingAt("Timer_Wait24Hours");
  }

  @Test
  void checksEngagementOnlyAfterAFullDay() {
    contactIs(new FakeContact(0, false));
    var run = signUp();
    driver.runDueJobs();

    driver.passTime(Duration.ofHours(23).plusMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait24Hours");

    driver.passTime(Duration.ofMinutes(1));
    assertThat(run).hasPassed("Gateway_EngagedRecently");
  }

  @Test
  void engagedContactGetsTheProductIntroductionWhenBusinessHoursOpen() {
    var contact = new FakeContact(0, true);
    contactIs(contact);
    var run = signUp();
    driver.runDueJobs();
    driver.passTime(Duration.ofHours(24));

    assertThat(contact.engagementWindowsAsked).containsExactly("PT48H");
    assertThat(run).isWaitingAt("Timer_WaitForBusinessHours");
    assertThat(driver.dueDateOfTimer(run.getId(), "Timer_WaitForBusinessHours")).isEqualTo(Date.from(BUSINESS_HOURS_OPEN));

    driver.passTime(Duration.between(SIGNED_UP.plus(Duration.ofHours(24)), BUSINESS_HOURS_OPEN));

    assertThat(sendEmail.templates).containsExactly("welcome", "product-introduction");
    assertThat(run).isWaitingAt("Timer_Wait72Hours");
  }

  @Test
  void silentContactGetsTheEngagementPromptSixHoursLater() {
    contactIs(new FakeContact(0, false));
    var run = signUp();
    driver.runDueJobs();
    driver.passTime(Duration.ofHours(24));

    assertThat(run).isWaitingAt("Timer_Wait6Hours");
    driver.passTime(Duration.ofHours(5).plusMinutes(59));
    assertThat(sendEmail.templates).containsExactly("welcome");

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendEmail.templates).containsExactly("welcome", "engagement-prompt");
    assertThat(run).isWaitingAt("Timer_Wait72Hours");
  }

  @ParameterizedTest(name = "score {0} gets the {1} email")
  @CsvSource({
      "100, success, EndEvent_Engaged",
      "50, success, EndEvent_Engaged",
      "49, nurture, EndEvent_Nurtured",
      "20, nurture, EndEvent_Nurtured",
      "19, low-engagement, EndEvent_LowEngagement",
      "0, low-engagement, EndEvent_LowEngagement"})
  void choosesTheLastEmailByEngagementScoreAfter72Hours(int score, String template, String endEvent) {
    contactIs(new FakeContact(score, false));
    var run = runtimeService().createProcessInstanceByKey("welcome-series")
        .businessKey(CONTACT)
        .startBeforeActivity("Timer_Wait72Hours")
        .execute();

    driver.passTime(Duration.ofHours(71).plusMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait72Hours");

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendEmail.templates).containsExactly(template);
    assertThat(run).isEnded().hasPassed(endEvent);
  }

  @Test
  void walksAnEngagedHighScoringContactThroughTheWholeSeries() {
    contactIs(new FakeContact(72, true));
    var run = signUp();

    driver.runDueJobs();
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.between(SIGNED_UP.plus(Duration.ofHours(24)), BUSINESS_HOURS_OPEN));
    driver.passTime(Duration.ofHours(72));

    assertThat(sendEmail.templates).containsExactly("welcome", "product-introduction", "success");
    assertThat(run).isEnded().hasPassedInOrder(
        "StartEvent_Signup", "Task_SendWelcomeEmail", "Timer_Wait24Hours", "Gateway_EngagedRecently",
        "Timer_WaitForBusinessHours", "Task_SendProductIntroduction", "Timer_Wait72Hours",
        "Gateway_EngagementScore", "Task_SendSuccessEmail", "EndEvent_Engaged");
  }

  @Test
  void walksASilentLowScoringContactThroughTheWholeSeries() {
    contactIs(new FakeContact(3, false));
    var run = signUp();

    driver.runDueJobs();
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.ofHours(6));
    driver.passTime(Duration.ofHours(72));

    assertThat(sendEmail.templates).containsExactly("welcome", "engagement-prompt", "low-engagement");
    assertThat(run).isEnded().hasPassedInOrder(
        "StartEvent_Signup", "Task_SendWelcomeEmail", "Timer_Wait24Hours", "Gateway_EngagedRecently",
        "Timer_Wait6Hours", "Task_SendEngagementPrompt", "Timer_Wait72Hours",
        "Gateway_EngagementScore", "Task_SendLowEngagementEmail", "EndEvent_LowEngagement");
  }

  @Test
  void endsTheRunAfterThirtyDaysWhereverTheContactIs() {
    var run = runtimeService().createProcessInstanceByKey("welcome-series")
        .businessKey(CONTACT)
        .startBeforeActivity("Task_SendWelcomeEmail")
        .execute();
    // the welcome email step is stuck: its job is never run

    ClockUtil.setCurrentTime(Date.from(SIGNED_UP.plus(Duration.ofDays(30))));
    driver.runDueJob("Timer_TimeLimit");

    assertThat(run).isEnded().hasPassed("EndEvent_TimeLimitReached");
    assertThat(sendEmail.templates).isEmpty();
  }

  private ProcessInstance signUp() {
    return runtimeService().createMessageCorrelation("signup")
        .processInstanceBusinessKey(CONTACT)
        .correlateStartMessage();
  }

  private void contactIs(FakeContact contact) {
    Mocks.register("contact", contact);
  }
}
