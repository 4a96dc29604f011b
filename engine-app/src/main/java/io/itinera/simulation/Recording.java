package io.itinera.simulation;

import io.itinera.simulation.TimelineEntry.ConditionResult;
import io.itinera.simulation.TimelineEntry.Decision;
import io.itinera.simulation.TimelineEntry.EventArrival;
import io.itinera.simulation.TimelineEntry.Wait;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The timeline of one simulation while it runs, written by the step listeners and the driver. */
final class Recording {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ENGLISH);

  private final String contactId;
  private final ZoneId zone;
  private final Detail detail;
  private final List<Draft> drafts = new ArrayList<>();

  Recording(String contactId, ZoneId zone, Detail detail) {
    this.contactId = contactId;
    this.zone = zone;
    this.detail = detail;
  }

  boolean detailed() {
    return detail != Detail.OUTLINE;
  }

  String contactId() {
    return contactId;
  }

  ZoneId zone() {
    return zone;
  }

  String local(Instant at) {
    return at == null ? null : LOCAL.format(at.atZone(zone)) + " " + zone.getId();
  }

  Draft add(Instant at, String processInstanceId, String step, String name, String type) {
    var draft = new Draft(at, processInstanceId, step, name, type);
    drafts.add(draft);
    return draft;
  }

  Optional<Draft> latest(String processInstanceId, String step) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      var draft = drafts.get(i);
      if (draft.processInstanceId.equals(processInstanceId) && step.equals(draft.step)) {
        return Optional.of(draft);
      }
    }
    return Optional.empty();
  }

  Optional<Draft> latest(String processInstanceId) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      if (drafts.get(i).processInstanceId.equals(processInstanceId) && drafts.get(i).event == null) {
        return Optional.of(drafts.get(i));
      }
    }
    return Optional.empty();
  }

  List<TimelineEntry> timeline() {
    return drafts.stream().map(draft -> draft.entry(this, detail == Detail.TIMELINE_WITH_HTML)).toList();
  }

  /** One entry as it is being filled in. */
  static final class Draft {

    private final Instant at;
    private final String processInstanceId;
    private final String step;
    private final String name;
    private final String type;
    private final List<ConditionResult> conditions = new ArrayList<>();
    private final List<Wait> waits = new ArrayList<>();
    private final List<SimulatedEmail> emails = new ArrayList<>();
    private final List<SimulatedWebhook> webhooks = new ArrayList<>();
    private final Map<String, Object> contactChanges = new LinkedHashMap<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private String flow;
    private String flowName;
    private boolean byDefault;
    private String variant;
    private String failure;
    private EventArrival event;

    private Draft(Instant at, String processInstanceId, String step, String name, String type) {
      this.at = at;
      this.processInstanceId = processInstanceId;
      this.step = step;
      this.name = name;
      this.type = type;
    }

    String step() {
      return step;
    }

    String type() {
      return type;
    }

    Instant at() {
      return at;
    }

    void evaluated(ConditionResult condition) {
      conditions.add(condition);
    }

    void took(String flow, String flowName, boolean byDefault) {
      this.flow = flow;
      this.flowName = flowName;
      this.byDefault = byDefault;
    }

    void waits(Wait wait) {
      waits.add(wait);
    }

    void sent(SimulatedEmail email) {
      emails.add(email);
    }

    void called(SimulatedWebhook webhook) {
      webhooks.add(webhook);
    }

    void changed(Map<String, Object> contact, Map<String, Object> variables) {
      contactChanges.putAll(contact);
      this.variables.putAll(variables);
    }

    void variant(String variant) {
      this.variant = variant;
    }

    void failed(String failure) {
      this.failure = failure;
    }

    void arrived(EventArrival event) {
      this.event = event;
    }

    private TimelineEntry entry(Recording recording, boolean html) {
      var decision = flow == null && conditions.isEmpty() ? null
          : new Decision(flow, flowName, byDefault, List.copyOf(conditions));
      return new TimelineEntry(at, recording.local(at), step, name, type, decision, List.copyOf(waits),
          emails.stream().map(email -> html ? email : email.withoutHtml()).toList(), List.copyOf(webhooks),
          new LinkedHashMap<>(contactChanges), new LinkedHashMap<>(variables), variant, failure, event);
    }
  }
}
