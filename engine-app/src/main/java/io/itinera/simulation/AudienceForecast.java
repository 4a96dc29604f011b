package io.itinera.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itinera.contact.Contact;
import io.itinera.contact.Contacts;
import io.itinera.contact.EngagementScoring;
import io.itinera.contact.Suppressions;
import io.itinera.event.ContactEvents;
import io.itinera.event.ContactEvents.StoredEvent;
import io.itinera.segment.Segments;
import io.itinera.simulation.ForecastPlan.Audience;
import io.itinera.simulation.ForecastPlan.ForecastEvent;
import io.itinera.simulation.ForecastPlan.SyntheticAudience;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The simulation for an audience of up to {@link ForecastPlan#MAX_CONTACTS} contacts: each contact
 * is one simulated run of the deployed journey, with the same fidelity as a single simulation, and
 * the runs are added up. Real contacts are only read (row, segments, suppression, latest events) and
 * keep their id, so that A/B splits fall as in production. Every draw (synthetic scores, who does
 * which shared event) comes from one random generator seeded by the plan, so a seed repeats its answer.
 */
@Service
public class AudienceForecast {

  /** The latest events of a real contact that its simulated twin starts with (engagement, event conditions). */
  static final int RECENT_EVENTS = 100;
  private static final int PAGE = 200;
  private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() { };

  private final JourneySimulator simulator;
  private final Contacts contacts;
  private final Segments segments;
  private final Suppressions suppressions;
  private final ContactEvents events;
  private final EngagementScoring scoring;
  private final ObjectMapper json;

  AudienceForecast(JourneySimulator simulator, Contacts contacts, Segments segments, Suppressions suppressions,
      ContactEvents events, EngagementScoring scoring, ObjectMapper json) {
    this.simulator = simulator;
    this.contacts = contacts;
    this.segments = segments;
    this.suppressions = suppressions;
    this.events = events;
    this.scoring = scoring;
    this.json = json;
  }

  public Forecast forecast(String journeyKey, ForecastPlan plan) {
    var began = System.nanoTime();
    var start = plan.start() == null ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
        : plan.start();
    var random = new SplittableRandom(plan.seedOrDefault());
    var audience = audience(plan.contacts(), plan.seedOrDefault(), start.toInstant(), random);
    var everyEvent = plan.script().stream().map(ForecastEvent::scripted).toList();
    var checked = new SimulationPlan(null, plan.trigger(), everyEvent, start, plan.horizon(), plan.seed());
    var plans = audience.stream().map(contact -> new SimulationPlan(contact, plan.trigger(),
        plan.script().stream().filter(event -> drawn(event.share(), random)).map(ForecastEvent::scripted).toList(),
        start, plan.horizon(), plan.seed())).toList();
    var runs = simulator.simulateEach(journeyKey, checked, plans);
    var tally = new ForecastTally();
    runs.forEach(tally::add);
    return tally.forecast(runs.get(0).journey(), runs.get(0).version(),
        Duration.ofNanos(System.nanoTime() - began).toMillis());
  }

  private List<SimulatedContact> audience(Audience audience, long seed, Instant start, SplittableRandom random) {
    var sources = Stream.of(audience.ids(), audience.segment(), audience.synthetic()).filter(source -> source != null)
        .count();
    if (sources != 1) {
      throw new SimulationRefusedException("contacts", "give exactly one of ids, segment or synthetic, not "
          + sources);
    }
    if (audience.ids() != null) {
      return real(audience.ids(), start);
    }
    if (audience.segment() != null) {
      return real(members(audience.segment(), audience.limitOrDefault()), start);
    }
    return synthetic(audience.synthetic(), seed, random);
  }

  private List<String> members(String segment, int limit) {
    var ids = new ArrayList<String>();
    for (int page = 0; ids.size() < limit; page++) {
      var members = segments.members(segment, page, PAGE);
      members.stream().limit(limit - ids.size()).forEach(member -> ids.add(member.contactId()));
      if (members.size() < PAGE) {
        break;
      }
    }
    if (ids.isEmpty()) {
      throw new SimulationRefusedException("contacts.segment", "the segment '" + segment + "' has no members");
    }
    return ids;
  }

  private List<SimulatedContact> real(List<String> ids, Instant start) {
    var found = new ArrayList<Contact>();
    var unknown = new ArrayList<String>();
    for (var id : new LinkedHashSet<>(ids)) {
      contacts.find(id).ifPresentOrElse(found::add, () -> unknown.add(id));
    }
    if (!unknown.isEmpty()) {
      var named = String.join(", ", unknown.stream().limit(20).toList());
      throw new SimulationRefusedException("contacts.ids", "no contact has the id " + named
          + (unknown.size() > 20 ? " (and " + (unknown.size() - 20) + " more)" : ""));
    }
    return found.stream().map(contact -> twin(contact, start)).toList();
  }

  /** The real contact as it is at the start, for the simulation only. */
  private SimulatedContact twin(Contact contact, Instant start) {
    var history = events.latestBefore(contact.id(), start, RECENT_EVENTS).stream()
        .map(event -> new PastEvent(event.type(), Duration.between(event.occurredAt(), start), properties(event)))
        .toList();
    // An empty address keeps a contact without one so: the simulation would make one up for null.
    return new SimulatedContact(contact.id(), contact.email() == null ? "" : contact.email(),
        contact.timezone().getId(), contact.locale(), contact.lifecycleStage(), contact.attributes(),
        segments.ofContact(contact.id()), contact.unsubscribedAt() == null,
        suppressions.isSuppressed(contact.email()), scoring.scoreAt(contact, start), history);
  }

  private Map<String, Object> properties(StoredEvent event) {
    try {
      return json.readValue(event.propertiesJson(), PROPERTIES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event of " + event.type() + " has unreadable properties", e);
    }
  }

  private static List<SimulatedContact> synthetic(SyntheticAudience spec, long seed, SplittableRandom random) {
    checkSpec(spec);
    var zones = spec.timeZonesOrNone();
    var stages = spec.lifecycleStagesOrNone();
    var scores = spec.engagementScores();
    var contacts = new ArrayList<SimulatedContact>();
    for (int n = 0; n < spec.count(); n++) {
      var score = scores == null ? null : scores.min() + random.nextDouble() * (scores.max() - scores.min());
      var history = spec.pastEventsOrNone().stream().filter(past -> drawn(past.share(), random))
          .map(past -> new PastEvent(past.type(), past.ago(), past.properties())).toList();
      contacts.add(new SimulatedContact("forecast-" + seed + "-" + (n + 1), null,
          zones.isEmpty() ? null : zones.get(n % zones.size()), null,
          stages.isEmpty() ? null : stages.get(n % stages.size()), spec.attributes(), null, null, null, score,
          history));
    }
    return contacts;
  }

  private static void checkSpec(SyntheticAudience spec) {
    var zones = spec.timeZonesOrNone();
    for (int i = 0; i < zones.size(); i++) {
      try {
        ZoneId.of(zones.get(i));
      } catch (DateTimeException e) {
        throw new SimulationRefusedException("contacts.synthetic.timeZones[" + i + "]", "is not a time zone: "
            + zones.get(i) + " (use a name such as Europe/Berlin)");
      }
    }
    var scores = spec.engagementScores();
    if (scores != null && scores.min() > scores.max()) {
      throw new SimulationRefusedException("contacts.synthetic.engagementScores", "min " + scores.min()
          + " is above max " + scores.max());
    }
    var past = spec.pastEventsOrNone();
    for (int i = 0; i < past.size(); i++) {
      PastEvent.checkAgo("contacts.synthetic.pastEvents[" + i + "].ago", past.get(i).ago());
    }
  }

  /** Whether this contact does a shared event: always one draw, so that a contact's draws do not depend on shares. */
  private static boolean drawn(Double share, SplittableRandom random) {
    var draw = random.nextDouble();
    return share == null || draw < share;
  }
}
