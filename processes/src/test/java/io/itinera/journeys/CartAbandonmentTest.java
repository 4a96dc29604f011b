package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.ScriptedSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "journeys/cart-abandonment.bpmn")
class CartAbandonmentTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "contact-42";
  private static final Instant ABANDONED = Instant.parse("2026-06-12T16:00:00Z");

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private ScriptedSplit split;
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(ABANDONED));
    Mocks.register("sendEmailDelegate", sendEmail);
    splitChooses("discount");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void remindsAboutTheCartOnlyAfterAnHour() {
    var run = abandonCart();
    driver.runDueJobs();

    driver.passTime(Duration.ofMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait1Hour");
    assertThat(sendEmail.templates).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendEmail.templates).containsExactly("cart-reminder");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(run).isWaitingAt("Timer_Wait24Hours");
  }

  @Test
  void splitsTheOfferADayAfterTheReminderAndSendsTheDiscountToItsVariant() {
    var run = abandonCart();
    driver.passTime(Duration.ofHours(1));

    driver.passTime(Duration.ofHours(23).plusMinutes(59));
    assertThat(split.experiments).isEmpty();
    assertThat(sendEmail.templates).containsExactly("cart-reminder");

    driver.passTime(Duration.ofMinutes(1));

    assertThat(split.experiments).containsExactly("cart-offer");
    assertThat(split.variantsOffered).containsExactly("discount:50,free-shipping:50");
    assertThat(sendEmail.templates).containsExactly("cart-reminder", "cart-discount");
    assertThat(run).hasPassedInOrder("Task_SendReminder", "Timer_Wait24Hours", "Task_SplitOffer", "Task_SendDiscount")
        .hasNotPassed("Task_SendFreeShipping")
        .isWaitingAt("Timer_Wait48Hours");
  }

  @Test
  void sendsFreeShippingToTheOtherVariant() {
    splitChooses("free-shipping");
    var run = runtimeService().createProcessInstanceByKey("cart-abandonment")
        .businessKey(CONTACT)
        .startBeforeActivity("Task_SplitOffer")
        .execute();

    driver.runDueJobs();

    assertThat(sendEmail.templates).containsExactly("cart-free-shipping");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(run).hasPassed("Task_SendFreeShipping").hasNotPassed("Task_SendDiscount")
        .isWaitingAt("Timer_Wait48Hours");
  }

  @Test
  void sendsTheLastReminderTwoDaysAfterTheOfferAndEndsWithoutAPurchase() {
    var run = runtimeService().createProcessInstanceByKey("cart-abandonment")
        .businessKey(CONTACT)
        .startBeforeActivity("Timer_Wait48Hours")
        .execute();

    driver.passTime(Duration.ofHours(47).plusMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait48Hours");
    assertThat(sendEmail.templates).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendEmail.templates).containsExactly("cart-last-reminder");
    assertThat(run).isEnded().hasPassed("Task_SendLastReminder", "EndEvent_NoPurchase")
        .hasNotPassed("EndEvent_Purchased");
  }

  @Test
  void walksAContactWhoNeverBuysThroughEveryReminder() {
    var run = abandonCart();

    driver.passTime(Duration.ofHours(1));
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.ofHours(48));

    assertThat(sendEmail.templates).containsExactly("cart-reminder", "cart-discount", "cart-last-reminder");
    assertThat(run).isEnded().hasPassedInOrder(
        "StartEvent_CartAbandoned", "Timer_Wait1Hour", "Task_SendReminder", "Timer_Wait24Hours", "Task_SplitOffer",
        "Gateway_WhichOffer", "Task_SendDiscount", "Gateway_OfferSent", "Timer_Wait48Hours", "Task_SendLastReminder",
        "EndEvent_NoPurchase");
  }

  @Test
  void aPurchaseBeforeTheReminderEndsTheRunAtItsGoalWithoutAnyEmail() {
    var run = abandonCart();
    driver.passTime(Duration.ofMinutes(59));

    purchase(run);

    assertThat(run).isEnded().hasPassed("EndEvent_Purchased")
        .hasNotPassed("Task_SendReminder", "EndEvent_NoPurchase");
    driver.passTime(Duration.ofDays(3));
    assertThat(sendEmail.templates).isEmpty();
  }

  @Test
  void aPurchaseAfterTheOfferEndsTheRunAtItsGoalWithoutTheLastReminder() {
    var run = abandonCart();
    driver.passTime(Duration.ofHours(1));
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.ofHours(47));

    purchase(run);

    assertThat(run).isEnded().hasPassed("Task_SendDiscount", "EndEvent_Purchased")
        .hasNotPassed("Task_SendLastReminder", "EndEvent_NoPurchase");
    driver.passTime(Duration.ofDays(3));
    assertThat(sendEmail.templates).containsExactly("cart-reminder", "cart-discount");
  }

  @Test
  void letsAContactBackInAfterTheirRunEndsButAtMostOnceEverySevenDays() {
    var definition = repositoryService().createProcessDefinitionQuery().processDefinitionKey("cart-abandonment")
        .singleResult();
    StartEvent start = repositoryService().getBpmnModelInstance(definition.getId())
        .getModelElementById("StartEvent_CartAbandoned");

    var entryRules = start.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
        .stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));

    assertThat(entryRules).containsOnly(entry("itinera.reentry", "after-exit"), entry("itinera.cooldown", "P7D"));
  }

  private ProcessInstance abandonCart() {
    return runtimeService().createMessageCorrelation("cart_abandoned")
        .processInstanceBusinessKey(CONTACT)
        .correlateStartMessage();
  }

  private void purchase(ProcessInstance run) {
    runtimeService().createMessageCorrelation("purchase").processInstanceId(run.getId()).correlate();
  }

  private void splitChooses(String variant) {
    split = new ScriptedSplit(variant);
    Mocks.register("abSplitDelegate", split);
  }
}
