package io.itinera.simulation;

import io.itinera.contact.Contacts;
import io.itinera.email.Outbox;
import io.itinera.email.OutboxMessage;
import io.itinera.journey.JourneyVariables;
import io.itinera.segment.Segments;
import io.itinera.simulation.TimelineEntry.ConditionResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.Condition;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Listens to every step of every journey in a simulation world and writes what it sees into the
 * current {@link Recording}: when a step starts, each condition a gateway evaluates (with the values
 * its expression read), the flow it takes, and what a step left behind when it ends: emails in the
 * outbox, webhook requests, changes to the contact and to the run's variables.
 */
final class StepRecorder extends AbstractBpmnParseListener {

  /** Variables the engine and the router keep for themselves; the run's own results are shown. */
  private static final Set<String> INTERNAL = Set.of(JourneyVariables.CONTACT_UPDATED_AT.name(),
      JourneyVariables.EVENT.name(), JourneyVariables.EVENT_TYPE.name(), JourneyVariables.LAST_EVENT.name(),
      JourneyVariables.LAST_EVENT_TYPE.name(), JourneyVariables.CONTACT_ID.name(),
      JourneyVariables.LAST_EMAIL_QUEUE_STATUS.name(), JourneyVariables.LAST_EMAIL_REASON.name());
  private static final String INTERNAL_PREFIX = "itinera.";
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");
  /** A name with its properties, method calls and indexes: contact.engagedWithin('PT48H'), event.items[0]. */
  private static final Pattern PATH = Pattern.compile(
      "(?<![\\w.])[A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*(?:\\([^()]*\\))?|\\[[^\\]]*])*");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private final Outbox outbox;
  private final Contacts contacts;
  private final Segments segments;
  private final RecordedWebhooks webhooks;
  private final Clock clock;
  private volatile Recording recording;
  private final Set<String> reportedEmails = new HashSet<>();
  private final Map<String, Map<String, Object>> variablesByRun = new HashMap<>();
  private Map<String, Object> contactBefore = Map.of();

  StepRecorder(Outbox outbox, Contacts contacts, Segments segments, RecordedWebhooks webhooks, Clock clock) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.segments = segments;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  void start(Recording recording) {
    reportedEmails.clear();
    variablesByRun.clear();
    webhooks.take();
    this.recording = recording;
    contactBefore = recording.detailed() ? contactState(recording.contactId()) : Map.of();
  }

  void stop() {
    recording = null;
  }

  @Override
  public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
    definitions.forEach(this::listenTo);
  }

  private void listenTo(ScopeImpl scope) {
    for (var activity : scope.getActivities()) {
      var type = String.valueOf(activity.getProperty(BpmnParse.PROPERTYNAME_TYPE));
      activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> started(execution, type));
      if (type.endsWith("Task")) {
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::ended);
      }
      for (var outgoing : activity.getOutgoingTransitions()) {
        var flow = (TransitionImpl) outgoing;
        flow.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> taken(execution, activity, flow));
        if (flow.getProperty(BpmnParse.PROPERTYNAME_CONDITION) instanceof Condition condition) {
          flow.setProperty(BpmnParse.PROPERTYNAME_CONDITION, new RecordedCondition(condition, activity, flow));
        }
      }
      listenTo(activity);
    }
  }

  private void started(DelegateExecution execution, String type) {
    var current = recording;
    if (current != null) {
      current.add(clock.instant(), execution.getProcessInstanceId(), execution.getCurrentActivityId(),
          execution.getCurrentActivityName(), type);
    }
  }

  /** The way out of a step that has a choice of ways: a gateway's decision. */
  private void taken(DelegateExecution execution, ActivityImpl source, TransitionImpl flow) {
    var current = recording;
    if (current == null || source.getOutgoingTransitions().size() < 2) {
      return;
    }
    current.latest(execution.getProcessInstanceId(), source.getId()).ifPresent(draft -> draft.took(flow.getId(),
        (String) flow.getProperty("name"), flow.getId().equals(source.getProperty("default"))));
  }

  /** What a task left behind: only tasks send, call out or change the contact. */
  private void ended(DelegateExecution execution) {
    var current = recording;
    if (current == null) {
      return;
    }
    current.latest(execution.getProcessInstanceId(), execution.getCurrentActivityId()).ifPresent(draft -> {
      newEmails(current).forEach(draft::sent);
      if (!current.detailed()) {
        return;
      }
      webhooks.take().forEach(request -> draft.called(new SimulatedWebhook(request.method(), request.url().toString(),
          request.headers(), request.body())));
      var contactNow = contactState(current.contactId());
      var variablesNow = visibleVariables(execution);
      var variablesBefore = variablesByRun.getOrDefault(execution.getProcessInstanceId(), Map.of());
      var changedVariables = changes(variablesBefore, variablesNow);
      draft.changed(changes(contactBefore, contactNow), changedVariables);
      if (execution.getVariableLocal("experiment") != null) {
        var variant = changedVariables.get(Objects.toString(execution.getVariableLocal("resultVariable"),
            JourneyVariables.VARIANT.name()));
        draft.variant(variant == null ? null : variant.toString());
      }
      contactBefore = contactNow;
      variablesByRun.put(execution.getProcessInstanceId(), variablesNow);
    });
  }

  private List<SimulatedEmail> newEmails(Recording current) {
    var emails = new ArrayList<SimulatedEmail>();
    var messages = outbox.ofContact(current.contactId());
    for (int i = messages.size() - 1; i >= 0; i--) {
      var message = messages.get(i);
      if (reportedEmails.add(message.id())) {
        emails.add(email(message, current));
      }
    }
    return emails;
  }

  private static SimulatedEmail email(OutboxMessage message, Recording current) {
    return new SimulatedEmail(message.template(), message.category().name().toLowerCase(), message.status().name(),
        message.reason(), message.recipient(), message.nextAttemptAt(), current.local(message.nextAttemptAt()),
        message.subject(), message.text(), message.html());
  }

  private Map<String, Object> contactState(String contactId) {
    var state = new LinkedHashMap<String, Object>();
    contacts.find(contactId).ifPresent(contact -> {
      state.put("lifecycleStage", contact.lifecycleStage());
      state.put("subscribed", contact.unsubscribedAt() == null);
      contact.attributes().forEach((name, value) -> state.put("attributes." + name, value));
    });
    segments.ofContact(contactId).forEach(segment -> state.put("segments." + segment, true));
    return state;
  }

  private static Map<String, Object> visibleVariables(DelegateExecution execution) {
    var visible = new LinkedHashMap<String, Object>();
    execution.getProcessInstance().getVariables().forEach((name, value) -> {
      if (!INTERNAL.contains(name) && !name.startsWith(INTERNAL_PREFIX)) {
        visible.put(name, value);
      }
    });
    return visible;
  }

  /** What is new or different in {@code after}; what is gone, as null (segments left: false). */
  private static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
    var changes = new LinkedHashMap<String, Object>();
    after.forEach((name, value) -> {
      if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
        changes.put(name, value);
      }
    });
    before.keySet().stream().filter(name -> !after.containsKey(name))
        .forEach(name -> changes.put(name, name.startsWith("segments.") ? Boolean.FALSE : null));
    return changes;
  }

  /**
   * Each name path of an expression with its value, read again right after the condition, in the
   * same transaction: what the condition saw. A path that cannot be read is left out.
   */
  private static Map<String, Object> reads(String expression, VariableScope scope) {
    var masked = QUOTED.matcher(expression).replaceAll(quoted -> "'" + "x".repeat(quoted.group().length() - 2) + "'");
    var body = expression.startsWith("${") || expression.startsWith("#{") ? 2 : 0;
    var paths = new TreeSet<String>();
    var matcher = PATH.matcher(masked);
    while (matcher.find()) {
      if (matcher.start() < body) {
        continue;
      }
      var path = expression.substring(matcher.start(), matcher.end()).replaceAll("\\s+", "");
      if (!EL_WORDS.contains(path) && !masked.startsWith("(", matcher.end())) {
        paths.add(path);
      }
    }
    var reads = new LinkedHashMap<String, Object>();
    var expressions = Context.getProcessEngineConfiguration().getExpressionManager();
    for (var path : paths) {
      try {
        reads.put(path, expressions.createExpression("${" + path + "}").getValue(scope));
      } catch (RuntimeException unreadable) {
        // a path that only exists on one branch of the expression, e.g. after a null check
      }
    }
    return reads;
  }

  /** The flow's own condition, recorded on the gateway's entry each time it is evaluated. */
  private final class RecordedCondition implements Condition {

    private final Condition condition;
    private final ActivityImpl source;
    private final TransitionImpl flow;

    RecordedCondition(Condition condition, ActivityImpl source, TransitionImpl flow) {
      this.condition = condition;
      this.source = source;
      this.flow = flow;
    }

    @Override
    public boolean evaluate(DelegateExecution execution) {
      return evaluate(execution, execution);
    }

    @Override
    public boolean evaluate(VariableScope scope, DelegateExecution execution) {
      return record(condition.evaluate(scope, execution), scope, execution);
    }

    @Override
    public boolean tryEvaluate(VariableScope scope, DelegateExecution execution) {
      return record(condition.tryEvaluate(scope, execution), scope, execution);
    }

    private boolean record(boolean result, VariableScope scope, DelegateExecution execution) {
      var current = recording;
      if (current != null) {
        var text = String.valueOf(flow.getProperty(BpmnParse.PROPERTYNAME_CONDITION_TEXT));
        current.latest(execution.getProcessInstanceId(), source.getId()).ifPresent(draft -> draft.evaluated(
            new ConditionResult(flow.getId(), (String) flow.getProperty("name"), text, result,
                current.detailed() ? reads(text, scope) : Map.of())));
      }
      return result;
    }
  }
}
