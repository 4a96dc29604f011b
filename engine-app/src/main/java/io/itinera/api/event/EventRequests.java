package io.itinera.api.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.api.InvalidFieldException;
import io.itinera.api.JsonMistakes;
import io.itinera.api.JsonValueLimits;
import io.itinera.api.RequestValidator;
import io.itinera.event.NewEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns what an app sent into a {@link NewEvent}, or refuses it naming the field: everything a
 * bad value could break further in (a column, the score's clock, a stored JSON that does not read
 * back) is checked here, so one event of a batch fails alone.
 */
@Component
@EnableConfigurationProperties(EventTimeProperties.class)
class EventRequests {

  private static final int MAX_EMAIL_LENGTH = 320;
  /** Revenue is kept as DECIMAL(19, 4): fifteen digits before the point. */
  private static final BigDecimal MAX_REVENUE = new BigDecimal("1e15");

  private final ObjectMapper json;
  private final RequestValidator validator;
  private final JsonValueLimits limits;
  private final EventTimeProperties time;
  private final Clock clock;

  EventRequests(ObjectMapper json, RequestValidator validator, JsonValueLimits limits, EventTimeProperties time, Clock clock) {
    this.json = json;
    this.validator = validator;
    this.limits = limits;
    this.time = time;
    this.clock = clock;
  }

  /** One event of a batch, read on its own so that its mistakes stay its own. */
  NewEvent read(JsonNode sent, String field) {
    if (sent == null || !sent.isObject()) {
      throw new InvalidFieldException(field, field + ": an event is a JSON object");
    }
    final EventRequest request;
    try {
      request = json.treeToValue(sent, EventRequest.class);
    } catch (JsonMappingException mapping) {
      throw JsonMistakes.explain(mapping, field);
    } catch (JsonProcessingException unreadable) {
      throw new InvalidFieldException(field, field + ": an event is a JSON object");
    }
    var prefix = field + ".";
    validator.check(request, prefix);
    return check(request, prefix);
  }

  /** An event Bean Validation already passed, checked for what it cannot express. */
  NewEvent check(EventRequest request, String prefix) {
    var properties = request.properties() == null ? Map.<String, Object>of() : request.properties();
    limits.checkProperties(prefix + "properties", properties);
    var email = properties.get("email");
    if (email != null && !(email instanceof String address && address.length() <= MAX_EMAIL_LENGTH
        && address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      throw new InvalidFieldException(prefix + "properties.email",
          "properties.email must be an email address of at most " + MAX_EMAIL_LENGTH + " characters");
    }
    if (properties.get("revenue") instanceof Number revenue
        && new BigDecimal(revenue.toString()).abs().compareTo(MAX_REVENUE) >= 0) {
      throw new InvalidFieldException(prefix + "properties.revenue", "properties.revenue is below 10^15");
    }
    checkOccurredAt(request, prefix);
    return new NewEvent(request.contactId(), request.type(), properties, request.occurredAt(), request.messageId());
  }

  private void checkOccurredAt(EventRequest request, String prefix) {
    var occurredAt = request.occurredAt();
    if (occurredAt == null) {
      return;
    }
    var latest = clock.instant().plus(time.maxClockSkew());
    if (occurredAt.isAfter(latest)) {
      throw new InvalidFieldException(prefix + "occurredAt",
          "occurredAt is in the future: at most " + time.maxClockSkew().toSeconds() + " s ahead of our clock");
    }
    if (occurredAt.isBefore(time.earliestOccurredAt())) {
      throw new InvalidFieldException(prefix + "occurredAt",
          "occurredAt is before " + time.earliestOccurredAt() + ", which no marketing event is");
    }
  }
}
