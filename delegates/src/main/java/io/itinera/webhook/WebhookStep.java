package io.itinera.webhook;

import io.itinera.journey.StepInput;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepPass;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one webhook step, read from its input parameters. The idempotency key is the
 * run, the step and its pass ({@link StepPass}): the same on every retry, new on the next pass of a
 * step in a loop, so the receiver can tell a retry from a new call.
 */
record WebhookStep(
    URI url,
    String method,
    Map<String, Object> payload,
    Duration timeout,
    String resultVariable,
    List<String> responseFields,
    String contactId,
    String journeyKey,
    String stepId,
    String processInstanceId,
    String idempotencyKey) {

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  private static final StepInput<String> URL = StepInput.required("url");
  private static final StepInput<String> METHOD = StepInput.optional("method").otherwise("POST");
  private static final StepInput<Duration> TIMEOUT = StepInput.duration("timeout").otherwise(Duration.ofSeconds(10));
  private static final StepInput<String> RESULT_VARIABLE = StepInput.optional("resultVariable");
  private static final StepInput<List<String>> RESPONSE_FIELDS = StepInput.names("responseFields");
  static final StepInputs INPUTS = StepInputs.of(Stream.concat(
      Stream.of(URL, METHOD, TIMEOUT, RESULT_VARIABLE, RESPONSE_FIELDS), WebhookPayload.INPUTS.stream()).toList());

  static WebhookStep from(DelegateExecution execution) {
    var url = URL.from(execution);
    if (!url.matches("(?i)https?://.+")) {
      throw URL.invalid(execution, "must be an http or https URL, not " + url);
    }
    var method = METHOD.from(execution).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw METHOD.invalid(execution, "must be one of " + METHODS);
    }
    return new WebhookStep(URI.create(url), method, WebhookPayload.from(execution), timeout(execution),
        RESULT_VARIABLE.from(execution), RESPONSE_FIELDS.from(execution), execution.getProcessBusinessKey(),
        StepInputs.journeyKey(execution), execution.getCurrentActivityId(),
        execution.getProcessInstanceId(), StepPass.idempotencyKey(execution));
  }

  private static Duration timeout(DelegateExecution execution) {
    var timeout = TIMEOUT.from(execution);
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      // Far below the job lock time, so a slow receiver never gets the same step twice at once.
      throw TIMEOUT.invalid(execution, "must be above zero and at most " + MAX_TIMEOUT);
    }
    return timeout;
  }
}
