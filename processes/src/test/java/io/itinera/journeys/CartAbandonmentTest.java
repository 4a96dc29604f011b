package io.itinera.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.itinera.journeys.JourneyDoubles.RecordingSendEmail;
import io.itinera.journeys.JourneyDoubles.RecordingStep;
import io.itinera.journeys.JourneyDoubles.ScriptedSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cart journey's paths: a reminder on the contact's best channel after an hour, the A/B offer by email a
 * day later, the last reminder two days after that by SMS for a cart of 100 or more and by email otherwise, and
 * the purchase that ends it at any time. Every message names the topic {@code cart}.
 */
@Deployment(resources = "journeys/cart-abandonment.bpmn")
class CartAbandonmentTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

  private static final String CONTACT = "contact-42";
  private static final Instant ABANDONED = Instant.parse("2026-06-12T16:00:00Z");

  private final RecordingSendEmail sendEmail = new RecordingSendEmail();
  private final RecordingStep sendOnBestChannel = new RecordingStep("template", "title", "body", "url", "category",
      "topic");
  private final RecordingStep sendSms = new RecordingStep("text", "category", "topic");
  private ScriptedSplit split;
  private JourneyDriver driver;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    driver = new JourneyDriver(engine.getManagementService());
    ClockUtil.setCurrentTime(Date.from(ABANDONED));
    Mocks.register("sendEmailDelegate", sendEmail);
    Mocks.register("sendOnBestChannelDelegate", sendOnBestChannel);
    Mocks.register("sendSmsDelegate", sendSms);
    splitChooses("discount");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void remindsAboutTheCartOnTheBestChannelOnlyAfterAnHour() {
    var run = abandonCart(59.9);
    driver.runDueJobs();

    driver.passTime(Duration.ofMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait1Hour");
    assertThat(sendOnBestChannel.calls).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendOnBestChannel.calls).singleElement().isEqualTo(Map.of(
        "template", "cart-reminder",
        "title", "Your cart is waiting",
        "body", "Hi [(*{contact.firstName ?: 'there'})], we kept the things in your cart for you.",
        "url", "https://itinera.example/cart",
        "category", "marketing",
        "topic", "cart"));
    assertThat(sendEmail.templates).isEmpty();
    assertThat(sendSms.calls).isEmpty();
    assertThat(run).isWaitingAt("Timer_Wait24Hours");
  }

  @Test
  void splitsTheOfferADayAfterTheReminderAndEmailsTheDiscountToItsVariant() {
    var run = abandonCart(59.9);
    driver.passTime(Duration.ofHours(1));

    driver.passTime(Duration.ofHours(23).plusMinutes(59));
    assertThat(split.experiments).isEmpty();
    assertThat(sendEmail.templates).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(split.experiments).containsExactly("cart-offer");
    assertThat(split.variantsOffered).containsExactly("discount:50,free-shipping:50");
    assertThat(sendEmail.templates).containsExactly("cart-discount");
    assertThat(sendEmail.topics).containsExactly("cart");
    assertThat(run).hasPassedInOrder("Task_SendReminder", "Timer_Wait24Hours", "Task_SplitOffer", "Task_SendDiscount")
        .hasNotPassed("Task_SendFreeShipping")
        .isWaitingAt("Timer_Wait48Hours");
  }

  @Test
  void emailsFreeShippingToTheOtherVariant() {
    splitChooses("free-shipping");
    var run = startBefore("Task_SplitOffer", 59.9);

    driver.runDueJobs();

    assertThat(sendEmail.templates).containsExactly("cart-free-shipping");
    assertThat(sendEmail.categories).containsExactly("marketing");
    assertThat(sendEmail.topics).containsExactly("cart");
    assertThat(run).hasPassed("Task_SendFreeShipping").hasNotPassed("Task_SendDiscount")
        .isWaitingAt("Timer_Wait48Hours");
  }

  @ParameterizedTest
  @ValueSource(doubles = {100, 150})
  void sendsTheLastReminderBySmsTwoDaysAfterTheOfferForACartOf100OrMore(double total) {
    var run = startBefore("Timer_Wait48Hours", total);

    driver.passTime(Duration.ofHours(47).plusMinutes(59));
    assertThat(run).isWaitingAt("Timer_Wait48Hours");
    assertThat(sendSms.calls).isEmpty();

    driver.passTime(Duration.ofMinutes(1));

    assertThat(sendSms.calls).singleElement().isEqualTo(Map.of(
        "text", "Hi [(*{contact.firstName ?: 'there'})], your cart of [(*{event.total})] will be emptied soon."
            + " Finish your order: https://itinera.example/cart",
        "category", "marketing",
        "topic", "cart"));
    assertThat(sendEmail.templates).isEmpty();
    assertThat(run).isEnded().hasPassedInOrder("Gateway_HighValueCart", "Task_SendLastReminderSms",
            "Gateway_LastReminderSent", "EndEvent_NoPurchase")
        .hasNotPassed("Task_SendLastReminder", "EndEvent_Purchased");
  }

  @Test
  void emailsTheLastReminderForACartUnder100() {
    var run = startBefore("Timer_Wait48Hours", 99.99);

    driver.passTime(Duration.ofHours(48));

    assertThat(sendEmail.templates).containsExactly("cart-last-reminder");
    assertThat(sendEmail.topics).containsExactly("cart");
    assertThat(sendSms.calls).isEmpty();
    assertThat(run).isEnded().hasPassedInOrder("Gateway_HighValueCart", "Task_SendLastReminder",
            "Gateway_LastReminderSent", "EndEvent_NoPurchase")
        .hasNotPassed("Task_SendLastReminderSms");
  }

  @Test
  void emailsTheLastReminderWhenTheCartEventHadNoTotal() {
    var run = runtimeService().createProcessInstanceByKey("cart-abandonment")
        .businessKey(CONTACT)
        .setVariable("event", new HashMap<String, Object>())
        .startBeforeActivity("Timer_Wait48Hours")
        .execute();

    driver.passTime(Duration.ofHours(48));

    assertThat(sendEmail.templates).containsExactly("cart-last-reminder");
    assertThat(run).isEnded().hasPassed("Task_SendLastReminder").hasNotPassed("Task_SendLastReminderSms");
  }

  @Test
  void walksAContactWhoNeverBuysThroughEveryReminder() {
    var run = abandonCart(150);

    driver.passTime(Duration.ofHours(1));
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.ofHours(48));

    assertThat(sendOnBestChannel.values("template")).containsExactly("cart-reminder");
    assertThat(sendEmail.templates).containsExactly("cart-discount");
    assertThat(sendSms.values("topic")).containsExactly("cart");
    assertThat(run).isEnded().hasPassedInOrder(
        "StartEvent_CartAbandoned", "Timer_Wait1Hour", "Task_SendReminder", "Timer_Wait24Hours", "Task_SplitOffer",
        "Gateway_WhichOffer", "Task_SendDiscount", "Gateway_OfferSent", "Timer_Wait48Hours", "Gateway_HighValueCart",
        "Task_SendLastReminderSms", "Gateway_LastReminderSent", "EndEvent_NoPurchase");
  }

  @Test
  void aPurchaseBeforeTheReminderEndsTheRunAtItsGoalWithoutAnyMessage() {
    var run = abandonCart(150);
    driver.passTime(Duration.ofMinutes(59));

    purchase(run);

    assertThat(run).isEnded().hasPassed("EndEvent_Purchased")
        .hasNotPassed("Task_SendReminder", "EndEvent_NoPurchase");
    driver.passTime(Duration.ofDays(3));
    assertThat(sendOnBestChannel.calls).isEmpty();
    assertThat(sendEmail.templates).isEmpty();
    assertThat(sendSms.calls).isEmpty();
  }

  @Test
  void aPurchaseAfterTheOfferEndsTheRunAtItsGoalWithoutTheLastReminder() {
    var run = abandonCart(150);
    driver.passTime(Duration.ofHours(1));
    driver.passTime(Duration.ofHours(24));
    driver.passTime(Duration.ofHours(47));

    purchase(run);

    assertThat(run).isEnded().hasPassed("Task_SendDiscount", "EndEvent_Purchased")
        .hasNotPassed("Gateway_HighValueCart", "Task_SendLastReminderSms", "Task_SendLastReminder",
            "EndEvent_NoPurchase");
    driver.passTime(Duration.ofDays(3));
    assertThat(sendEmail.templates).containsExactly("cart-discount");
    assertThat(sendSms.calls).isEmpty();
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

  /** The router hands the trigger's properties to the run as the variable {@code event}. */
  private ProcessInstance abandonCart(double total) {
    return runtimeService().createMessageCorrelation("cart_abandoned")
        .processInstanceBusinessKey(CONTACT)
        .setVariable("event", cart(total))
        .correlateStartMessage();
  }

  private ProcessInstance startBefore(String activityId, double total) {
    return runtimeService().createProcessInstanceByKey("cart-abandonment")
        .businessKey(CONTACT)
        .setVariable("event", cart(total))
        .startBeforeActivity(activityId)
        .execute();
  }

  private static HashMap<String, Object> cart(double total) {
    var event = new HashMap<String, Object>();
    event.put("total", total);
    return event;
  }

  private void purchase(ProcessInstance run) {
    runtimeService().createMessageCorrelation("purchase").processInstanceId(run.getId()).correlate();
  }

  private void splitChooses(String variant) {
    split = new ScriptedSplit(variant);
    Mocks.register("abSplitDelegate", split);
  }
}
