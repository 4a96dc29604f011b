package io.itinera.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.journey.JourneyStep;
import io.itinera.journey.StepInputs;
import io.itinera.journey.StepRejectedException;
import io.itinera.signing.HmacSigner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Call webhook step: sends the contact id, journey, step and the payload fields ({@link
 * WebhookPayload}) as JSON to {@code url}, signed like Stripe's webhooks ({@code Itinera-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}) with an {@code Idempotency-Key} stable across
 * retries of one pass. 2xx stores {@code status} and the {@code responseFields} of a JSON answer in
 * {@code resultVariable}; 5xx and timeouts throw, so the job retries and ends as an incident; 4xx,
 * internal addresses ({@link AddressGuard}) and a text payload are rejected at once
 * ({@link StepRejectedException}).
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class CallWebhookDelegate implements JavaDelegate, JourneyStep {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() { };
  private static final int ANSWER_EXCERPT = 200;

  private final WebhookProperties properties;
  private final AddressGuard guard;
  private final ObjectMapper json;
  private final Clock clock;
  private final WebhookSender http;
  private final MeterRegistry metrics;

  public CallWebhookDelegate(WebhookProperties properties, WebhookSender http, ObjectMapper json, Clock clock,
      MeterRegistry metrics) {
    this.http = http;
    this.properties = properties;
    this.guard = new AddressGuard(properties.allowedHosts(), InetAddress::getAllByName);
    this.json = json;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public StepInputs inputs() {
    return WebhookStep.INPUTS;
  }

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    var step = WebhookStep.from(execution);
    var addresses = guard.check(step.url());
    var body = json.writeValueAsString(body(step));
    var request = new WebhookRequest(step.method(), step.url(), Map.of("Idempotency-Key", step.idempotencyKey(),
        "Itinera-Signature", signature(body)), body, step.timeout(), addresses);
    var response = timed(step, request);
    var status = response.status();
    if (status >= 500) {
      throw new IllegalStateException(answered(step, response));
    }
    if (status >= 300) {
      throw new StepRejectedException(answered(step, response));
    }
    if (step.resultVariable() != null) {
      execution.setVariable(step.resultVariable(), result(step, response));
    }
  }

  /**
   * Times one call, labelled by journey, step and the answer's status code, or {@code error} when
   * there was no answer (timeout, connection refused).
   */
  private WebhookAnswer timed(WebhookStep step, WebhookRequest request) throws IOException {
    var call = Timer.start(metrics);
    var status = "error";
    try {
      var answer = http.send(request);
      status = Integer.toString(answer.status());
      return answer;
    } finally {
      call.stop(metrics.timer("itinera.webhook.calls", "journey", step.journeyKey(), "step", step.stepId(),
          "status", status));
    }
  }

  private Map<String, Object> body(WebhookStep step) {
    var body = new LinkedHashMap<String, Object>();
    body.put("contactId", step.contactId());
    body.put("journey", step.journeyKey());
    body.put("step", step.stepId());
    body.put("processInstanceId", step.processInstanceId());
    body.put("sentAt", clock.instant().toString());
    body.putAll(step.payload());
    return body;
  }

  private HashMap<String, Object> result(WebhookStep step, WebhookAnswer response) {
    var result = new HashMap<String, Object>();
    result.put("status", response.status());
    if (!step.responseFields().isEmpty() && response.contentType().contains("json")) {
      try {
        var answer = json.readValue(response.body(), OBJECT);
        step.responseFields().forEach(field -> result.put(field, answer.get(field)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Webhook " + step.url() + " answered JSON that cannot be read", e);
      }
    }
    return result;
  }

  private String signature(String body) {
    if (properties.secret() == null || properties.secret().isBlank()) {
      throw new IllegalStateException("No webhook secret: set ITINERA_WEBHOOK_SECRET to sign webhook requests");
    }
    var timestamp = clock.instant().getEpochSecond();
    var digest = new HmacSigner(properties.secret()).sign(timestamp + "." + body);
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
  }

  private static String answered(WebhookStep step, WebhookAnswer response) {
    var body = response.body();
    return "Webhook " + step.method() + " " + step.url() + " answered " + response.status() + ": "
        + (body.length() > ANSWER_EXCERPT ? body.substring(0, ANSWER_EXCERPT) + "…" : body);
  }
}
