package io.itinera.controlgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.event.ContactEvents;
import io.itinera.experiment.ProportionTest;
import io.itinera.journey.JourneyEnrolments;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.springframework.stereotype.Service;

/**
 * What the journeys add as a whole: among the contacts that entered any journey since a moment, the global control
 * group (which got no marketing) against everyone else. Conversions are contacts with at least one conversion event
 * since then; revenue is the sum of those events' {@code value}, {@code amount} or {@code revenue} property, per
 * contact (zero for the others). Each difference is others minus members, with its 95% interval.
 */
@Service
public class ControlGroupReport {

  private static final List<String> REVENUE = List.of("value", "amount", "revenue");

  private final ControlGroup group;
  private final JourneyEnrolments enrolments;
  private final ContactEvents events;
  private final ObjectMapper json;

  ControlGroupReport(ControlGroup group, JourneyEnrolments enrolments, ContactEvents events, ObjectMapper json) {
    this.group = group;
    this.enrolments = enrolments;
    this.events = events;
    this.json = json;
  }

  public Report since(Instant since) {
    var contacts = new HashSet<>(enrolments.contactsEnteredSince(since));
    var converted = new HashSet<String>();
    var revenue = new HashMap<String, Double>();
    var conversionEvent = group.properties().conversionEvent();
    for (var event : events.ofTypeSince(conversionEvent, since)) {
      if (contacts.contains(event.contactId())) {
        converted.add(event.contactId());
        revenue.merge(event.contactId(), revenueOf(event.propertiesJson()), Double::sum);
      }
    }
    var members = new Tally();
    var others = new Tally();
    contacts.forEach(contact -> (group.isMember(contact) ? members : others)
        .add(converted.contains(contact), revenue.getOrDefault(contact, 0.0)));
    var bothMeasured = members.revenue.getN() > 1 && others.revenue.getN() > 1;
    return new Report(group.properties().share(), conversionEvent, since, members.group(), others.group(),
        bothMeasured ? ProportionTest.of(members.converted, members.revenue.getN(), others.converted,
            others.revenue.getN()) : null,
        bothMeasured ? meanDifference(members.revenue, others.revenue) : null);
  }

  private double revenueOf(String properties) {
    try {
      JsonNode node = json.readTree(properties);
      return REVENUE.stream().map(node::path).filter(JsonNode::isNumber).findFirst().map(JsonNode::asDouble)
          .orElse(0.0);
    } catch (JsonProcessingException unreadable) {
      return 0.0;
    }
  }

  /** Welch's interval: the groups' variances are not assumed equal. */
  private static Difference meanDifference(SummaryStatistics members, SummaryStatistics others) {
    var difference = others.getMean() - members.getMean();
    var error = Math.sqrt(others.getVariance() / others.getN() + members.getVariance() / members.getN());
    return new Difference(difference, difference - ProportionTest.Z_95 * error, difference + ProportionTest.Z_95 * error);
  }

  /** Contacts, conversions and revenue of one group as they are counted. */
  private static final class Tally {

    private long converted;
    private final SummaryStatistics revenue = new SummaryStatistics();

    void add(boolean conversion, double amount) {
      converted += conversion ? 1 : 0;
      revenue.addValue(amount);
    }

    Group group() {
      var contacts = revenue.getN();
      return new Group(contacts, converted, contacts == 0 ? 0 : (double) converted / contacts, revenue.getSum(),
          contacts == 0 ? 0 : revenue.getMean());
    }
  }

  /** One side of the comparison. */
  public record Group(long contacts, long converted, double conversionRate, double revenue, double revenuePerContact) {
  }

  /** Others minus members, with its 95% interval. */
  public record Difference(double difference, double low, double high) {
  }

  /**
   * The comparison; {@code conversionRate} (with its p-value) and {@code revenuePerContact} are null until both
   * groups have at least two contacts.
   */
  public record Report(double share, String conversionEvent, Instant since, Group members, Group others,
      ProportionTest conversionRate, Difference revenuePerContact) {
  }
}
