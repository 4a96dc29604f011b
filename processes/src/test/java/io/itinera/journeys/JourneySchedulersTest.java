package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.ScriptedEnrolAudience;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scheduler path that win-back and birthday share: the enrol step runs once per page of its
 * audience, each page a job of its own, until the audience is done.
 */
@Deployment(resources = {"journeys/win-back.bpmn", "journeys/birthday.bpmn"})
class JourneySchedulersTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  /** Between the schedules' runs: no timer start is due. */
  private static final Instant NOW = Instant.parse("2026-06-12T16:30:00Z");

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private ScriptedEnrolAudience enrol;
  private JourneyDriver driver;

  /** A journey's scheduler: its enrol step, and the audience and start message that step is given. */
  record Scheduler(String journey, String enrolStep, String audience, String message) {

    @Override
    public String toString() {
      return journey;
    }
  }

  static Stream<Scheduler> schedulers() {
    return Stream.of(
        new Scheduler("win-back", "Task_EnrolInactive", "inactive-30-days", "win_back_due"),
        new Scheduler("birthday", "Task_EnrolBirthdays", "birthday-today", "birthday_due"));
  }

  static Stream<Arguments> schedulersAndPages() {
    return schedulers().flatMap(scheduler -> Stream.of(1, 2, 5).map(pages -> Arguments.of(scheduler, pages)));
  }

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("sendEmailDelegate", sendEmail);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedulers")
  void enrolsTheNextPageWhileTheAudienceIsNotDone(Scheduler scheduler) {
    audienceHasPages(3);
    var run = runtimeService().createProcessInstanceByKey(scheduler.journey())
        .startBeforeActivity(scheduler.enrolStep()).execute();

    driver.runDueJob(scheduler.enrolStep());

    assertThat(enrol.calls()).isEqualTo(1);
    assertThat(run).hasPassed("Gateway_MorePages").isWaitingAt(scheduler.enrolStep());
  }

  @ParameterizedTest(name = "{0}: an audience of {1} pages takes {1} enrolment steps")
  @MethodSource("schedulersAndPages")
  void enrolsPageAfterPageAndEndsOnceTheAudienceIsDone(Scheduler scheduler, int pages) {
    audienceHasPages(pages);
    var run = runtimeService().createProcessInstanceByKey(scheduler.journey())
        .startBeforeActivity(scheduler.enrolStep()).execute();

    driver.runDueJobs(run.getId());

    assertThat(enrol.calls()).isEqualTo(pages);
    assertThat(enrol.audiences).containsExactlyElementsOf(Collections.nCopies(pages, scheduler.audience()));
    assertThat(enrol.messages).containsExactlyElementsOf(Collections.nCopies(pages, scheduler.message()));
    assertThat(run).isEnded().hasPassed("EndEvent_AllEnrolled");
    assertThat(sendEmail.templates).isEmpty();
  }

  private void audienceHasPages(int pages) {
    enrol = ScriptedEnrolAudience.ofPages(pages);
    Mocks.register("enrolAudienceDelegate", enrol);
  }
}
