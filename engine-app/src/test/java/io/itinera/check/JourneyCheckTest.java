package io.itinera.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.itinera.EngineDeployments;
import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journey check, from outside: each mistake an analyst makes refuses the deployment through the
 * engine REST API (as the Modeler and Cockpit deploy) with the element and the problem named, and
 * {@code POST /api/journeys/validate} lists the same; the shipped and test journeys pass.
 */
@ItineraAppTest
class JourneyCheckTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RepositoryService repository;

  /** Experiments as their splits' runs store them: one of another journey, one of the valid test journey. */
  @BeforeEach
  void storeExperiments() {
    storeExperiment("check-taken-experiment", "another-journey");
    storeExperiment("check-own-experiment", "check-valid");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("check-unknown-step.bpmn", "Task_SendOffer 'Send offer'",
            "calls 'sendOfferDelegate', which is not a journey step; use one of "),
        arguments("check-unknown-step.bpmn", "Task_ReadCatalog 'Read the catalog'",
            "calls 'journeyCatalog', which is not a journey step"),
        arguments("check-unknown-step.bpmn", "Task_AddToSegment 'Add to segment'",
            "delegate expression '${addToSegment Delegate}' does not parse"),
        arguments("check-missing-input.bpmn", "Task_SendOffer 'Send offer'",
            "has no input 'template', which sendEmailDelegate requires; fill it in"),
        arguments("check-unknown-template.bpmn", "Task_SendOffer 'Send offer'",
            "No email template 'welcom': welcom.subject.txt and welcom.html not found"),
        arguments("check-content-variants.bpmn", "Task_SendMissingVariant 'Send missing variant'",
            "Email template 'check-missing-variant': variant 'gone' of slot 'cta' names"
                + " check-missing-variant.cta.gone.html, which is not found"),
        arguments("check-content-variants.bpmn", "Task_SendBrokenVariant 'Send broken variant'",
            "Email template 'check-broken-variant' cannot be rendered: check-broken-variant.cta.broken.html, line 1"),
        arguments("check-content-variants.bpmn", "Task_SendSmartly 'Send smartly'",
            "input 'selection' must be 'fixed', 'random' or 'predicted', not 'smart'"),
        arguments("check-content-variants.bpmn", "Task_SendSmartly 'Send smartly'",
            "input 'reward' must be 'open', 'click' or 'goal', not 'purchase'"),
        arguments("check-content-variants.bpmn", "Task_SendSmartly 'Send smartly'",
            "input 'rewardWindow' must be an ISO-8601 duration such as P3D, not '3 days'"),
        arguments("check-unknown-topic.bpmn", "Task_SendOffer 'Send offer'",
            "names topic 'winter-sale', which is not defined; define it in itinera.topics or with PUT /api/topics/"),
        arguments("check-unknown-topic.bpmn", "Task_SendOffer 'Send offer'",
            "waits when capped but has no input 'maxWait'; give one such as P3D"),
        arguments("check-unknown-topic.bpmn", "Task_SendReminder 'Send reminder'",
            "input 'maxWait' with whenCapped 'wait', must be a duration of at most P14D, such as P3D, not P30D"),
        arguments("check-webhook-without-url.bpmn", "Task_TellCrm 'Tell the CRM'",
            "has no input 'url', which callWebhookDelegate requires"),
        arguments("check-split.bpmn", "Task_Split 'Split offer test'",
            "input 'variants': the weight of variant 'discount' is not a number"),
        arguments("check-split.bpmn", "Task_Split 'Split offer test'",
            "experiment 'check-taken-experiment' belongs to journey 'another-journey'; give this split an experiment"),
        arguments("check-broken-expressions.bpmn", "StartEvent_Started 'Started'",
            "itinera.entryCondition '${event.plan = 'pro'}' does not parse"),
        arguments("check-broken-expressions.bpmn", "Flow_Pro 'Yes'",
            "condition '${contact.attributes.plan == }' does not parse"),
        arguments("check-broken-expressions.bpmn", "Timer_WaitForMorning 'Wait for the morning'",
            "timer timeDate '${sendWindow.next(execution, '09:00'}' does not parse"),
        arguments("check-broken-expressions.bpmn", "Task_SendOffer 'Send offer'",
            "input 'category' '${event..category}' does not parse"),
        arguments("check-broken-expressions.bpmn", "Task_TellCrm 'Tell the CRM'",
            "map entry 'plan' '${event.plan ==}' does not parse"),
        arguments("check-bad-timers.bpmn", "Timer_Wait24Hours 'Wait 24 hours'",
            "timer timeDuration: '24 hours' is not an ISO-8601 duration"),
        arguments("check-bad-timers.bpmn", "Timer_WaitForChristmas 'Wait for Christmas'",
            "timer timeDate: 'Christmas morning' is not an ISO-8601 date-time"),
        arguments("check-bad-timers.bpmn", "StartEvent_EveryMorning 'Every morning'",
            "timer timeCycle: 'every morning' is not an ISO-8601 repeating interval"),
        arguments("check-bad-timers.bpmn", "StartEvent_Started 'Started'",
            "itinera.reentry must be one of never, after-exit, always, not 'sometimes'"),
        arguments("check-bad-timers.bpmn", "StartEvent_Started 'Started'",
            "itinera.cooldown must be an ISO-8601 duration such as P7D, not '7 days'"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mistakes")
  void refusesTheDeploymentNamingTheElementAndTheProblem(String file, String element, String problem) {
    var deployed = EngineDeployments.create(http, file, bpmn("check-journeys/" + file));

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(deployed.getBody().path("message").asText())
        .startsWith("The journey check refused the deployment")
        .contains("\n" + file + ":")
        .contains("\n  " + element + ": " + problem);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(file.replace(".bpmn", "")).count())
        .isZero();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mistakes")
  void validateListsTheSameProblem(String file, String element, String problem) {
    var answer = validate(bpmn("check-journeys/" + file));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("valid").asBoolean()).isFalse();
    assertThat(answer.getBody().path("warnings")).isEmpty();
    assertThat(answer.getBody().path("errors")).anySatisfy(error -> {
      assertThat(error.path("element").asText() + " '" + error.path("name").asText() + "'").isEqualTo(element);
      assertThat(error.path("message").asText()).startsWith(problem);
    });
  }

  @Test
  void listsEveryProblemOfAFileInOneMessage() {
    var deployed = EngineDeployments.create(http, "check-bad-timers.bpmn", bpmn("check-journeys/check-bad-timers.bpmn"));

    assertThat(deployed.getBody().path("message").asText().lines().filter(line -> line.startsWith("  "))).hasSize(5);
  }

  static Stream<Resource> journeys() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    return Stream.of("classpath*:journeys/*.bpmn", "classpath*:test-journeys/*.bpmn", "classpath:check-journeys/check-valid.bpmn")
        .flatMap(pattern -> {
          try {
            return Stream.of(resolver.getResources(pattern));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void shippedAndTestJourneysPass(Resource journey) throws IOException {
    var answer = validate(journey.getContentAsByteArray());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("errors")).as("errors").isEmpty();
    assertThat(answer.getBody().path("valid").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedJourneys")
  void shippedJourneysHaveNoWarnings(Resource journey) throws IOException {
    assertThat(validate(journey.getContentAsByteArray()).getBody().path("warnings")).isEmpty();
  }

  static Stream<Resource> shippedJourneys() throws IOException {
    return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:journeys/*.bpmn"));
  }

  @Test
  void warnsOfADecisionWithoutDefaultAndAWaitWithoutEndButDeploys() {
    var bpmn = bpmn("check-journeys/check-warnings.bpmn");

    var answer = validate(bpmn);
    var deployed = EngineDeployments.create(http, "check-warnings.bpmn", bpmn);

    assertThat(answer.getBody().path("valid").asBoolean()).isTrue();
    assertThat(answer.getBody().path("warnings")).extracting(warning -> warning.path("element").asText())
        .containsExactly("Event_Replied", "Gateway_Plan");
    assertThat(answer.getBody().path("warnings").toString()).contains("no default flow").contains("time limit");
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void deploysAValidJourneyAndFiltersAnUnchangedRedeployment() {
    var file = bpmn("check-journeys/check-valid.bpmn");

    var first = EngineDeployments.create(http, "check-valid", "check-valid.bpmn", file, true);
    var again = EngineDeployments.create(http, "check-valid", "check-valid.bpmn", file, true);
    TestJourneys.deploy(repository);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("id").asText()).isEqualTo(first.getBody().path("id").asText());
  }

  @Test
  void answersMalformedXmlWithAProblemNamingTheBody() {
    var answer = validate("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
        .getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("field").asText()).isEqualTo("body");
    assertThat(answer.getBody().path("detail").asText()).startsWith("Not a BPMN file the engine can read");
  }

  /** An analyst's file is read by our server: it must not be able to make the parser read other files. */
  @Test
  void refusesADocumentTypeDeclaration() throws IOException {
    var valid = new String(bpmn("check-journeys/check-valid.bpmn"), StandardCharsets.UTF_8);
    var withEntity = valid.replace("<bpmn:definitions",
        "<!DOCTYPE bpmn:definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<bpmn:definitions")
        .replace("name=\"Check: a valid journey\"", "name=\"&secret;\"");

    var answer = validate(withEntity.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("field").asText()).isEqualTo("body");
    assertThat(answer.getBody().toString()).doesNotContain("root:");
  }

  private ResponseEntity<JsonNode> validate(byte[] bpmn) {
    var headers = new HttpHeaders();
    headers.setBearerAuth(ItineraAppTest.API_KEY);
    headers.setContentType(MediaType.APPLICATION_XML);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.postForEntity("/api/journeys/validate", new HttpEntity<>(bpmn, headers), JsonNode.class);
  }

  private void storeExperiment(String name, String journeyKey) {
    jdbc.sql("DELETE FROM experiment WHERE name = ?").param(name).update();
    jdbc.sql("INSERT INTO experiment (name, journey_key, variants, holdout, updated_at) VALUES (?, ?, ?, 0, ?)")
        .params(name, journeyKey, "control:50,discount:50", OffsetDateTime.now()).update();
  }

  private static byte[] bpmn(String path) {
    try {
      return new ClassPathResource(path).getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
