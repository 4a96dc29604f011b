package io.itinera;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Journeys that exist only for tests, each showing one rule: a goal and an event-based gateway with
 * a cooldown, once-only entry, a conditional start, what expressions see, email steps, segment and
 * contact steps, a webhook, an A/B split, waiting until a condition, an SMS waiting for its receipt, a send on the best channel,
 * an email and a webhook step in a loop under a long journey key, and mistakes no retry can fix.
 * Deployed once; a repeated deployment of the same files is filtered out.
 */
public final class TestJourneys {

  private TestJourneys() {
  }

  public static void deploy(RepositoryService repository) {
    repository.createDeployment()
        .name("itinera-test-journeys")
        .enableDuplicateFiltering(true)
        .addClasspathResource("test-journeys/test-goal.bpmn")
        .addClasspathResource("test-journeys/test-once.bpmn")
        .addClasspathResource("test-journeys/test-became-customer.bpmn")
        .addClasspathResource("test-journeys/test-expressions.bpmn")
        .addClasspathResource("test-journeys/test-emails.bpmn")
        .addClasspathResource("test-journeys/test-flaky-step.bpmn")
        .addClasspathResource("test-journeys/test-blocks.bpmn")
        .addClasspathResource("test-journeys/test-webhook.bpmn")
        .addClasspathResource("test-journeys/test-split.bpmn")
        .addClasspathResource("test-journeys/test-wait-until.bpmn")
        .addClasspathResource("test-journeys/test-a-step-in-a-loop-in-a-journey-keyed.bpmn")
        .addClasspathResource("test-journeys/test-fails-at-once.bpmn")
        .addClasspathResource("test-journeys/test-sms.bpmn")
        .addClasspathResource("test-journeys/test-channels.bpmn")
        .addClasspathResource("test-journeys/test-push.bpmn")
        .deploy();
  }

  /** Deploys one process built in a test, under its id; returns the deployment, for the test to delete. */
  public static String deployOne(RepositoryService repository, String processId, BpmnModelInstance model) {
    return repository.createDeployment().name(processId).addModelInstance(processId + ".bpmn", model).deploy().getId();
  }
}
