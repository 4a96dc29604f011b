package io.itinera.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepPass;
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

  static WebhookStep from(DelegateExecution execution) {
    var url = StepInputs.required(execution, "url");
    if (!url.matches("(?i)https?://.+")) {
      throw new IllegalArgumentException(StepInputs.where(execution) + ": input 'url' must be an http or https URL, not "
          + url);
    }
    var method = StepInputs.text(execution, "method");
    method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(StepInputs.where(execution) + ": input 'method' must be one of " + METHODS);
    }
    var fields = StepInputs.text(execution, "responseFields");
    return new WebhookStep(URI.create(url), method, WebhookPayload.from(execution), timeout(execution),
        StepInputs.text(execution, "resultVariable"),
        fields == null ? List.of() : Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList(),
        execution.getProcessBusinessKey(), StepInputs.journeyKey(execution), execution.getCurrentActivityId(),
        execution.getProcessInstanceId(), StepPass.idempotencyKey(execution));
  }

  private static Duration timeout(DelegateExecution execution) {
    var text = StepInputs.text(execution, "timeout");
    Duration timeout;
    try {
      timeout = text == null ? Duration.ofSeconds(10) : Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(StepInputs.where(execution) + ": input 'timeout' must be an ISO-8601 duration", e);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      // Far below the job lock time, so a slow receiver never gets the same step twice at once.
      throw new IllegalArgumentException(StepInputs.where(execution) + ": input 'timeout' must be above zero and at most "
          + MAX_TIMEOUT);
    }
    return timeout;
  }
}
