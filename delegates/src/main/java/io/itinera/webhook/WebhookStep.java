package io.itinera.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The settings of one webhook step, read from its input parameters. The idempotency key is the
 * run and the step, the same on every retry, so the receiver can tell a retry from a new call.
 */
record WebhookStep(
    URI url,
    String method,
    Object payload,
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
    var url = text(execution, "url");
    if (url == null || !url.matches("(?i)https?://.+")) {
      throw new IllegalArgumentException(where(execution) + ": input 'url' must be an http or https URL, not " + url);
    }
    var method = text(execution, "method") == null ? "POST" : text(execution, "method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(where(execution) + ": input 'method' must be one of " + METHODS);
    }
    Duration timeout;
    try {
      timeout = text(execution, "timeout") == null ? Duration.ofSeconds(10) : Duration.parse(text(execution, "timeout"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where(execution) + ": input 'timeout' must be an ISO-8601 duration", e);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      // Far below the job lock time, so a slow receiver never gets the same step twice at once.
      throw new IllegalArgumentException(where(execution) + ": input 'timeout' must be above zero and at most "
          + MAX_TIMEOUT);
    }
    var fields = text(execution, "responseFields") == null ? List.<String>of()
        : Arrays.stream(text(execution, "responseFields").split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    return new WebhookStep(URI.create(url), method, execution.getVariableLocal("payload"), timeout,
        text(execution, "resultVariable"), fields, execution.getProcessBusinessKey(),
        execution.getProcessDefinitionId().split(":")[0], execution.getCurrentActivityId(),
        execution.getProcessInstanceId(), execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
  }

  private static String text(DelegateExecution execution, String input) {
    return execution.getVariableLocal(input) instanceof String value && !value.isBlank() ? value.strip() : null;
  }

  private static String where(DelegateExecution execution) {
    return "Step '" + execution.getCurrentActivityName() + "' (" + execution.getCurrentActivityId() + ")";
  }
}
