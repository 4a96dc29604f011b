package io.itinera.journeys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test doubles for the beans journeys reference by name; only the BPMN is under test here. */
final class JourneyDoubles {

  private JourneyDoubles() {
  }

  /** Records the template, category and topic of every email a journey asked to send. */
  static final class RecordingSendEmail implements JavaDelegate {
    final List<String> templates = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    /** The step's topic, or "null" for a step without one. */
    final List<String> topics = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      templates.add(String.valueOf(execution.getVariableLocal("template")));
      categories.add(String.valueOf(execution.getVariableLocal("category")));
      topics.add(String.valueOf(execution.getVariableLocal("topic")));
    }
  }

  /** Stands in for the {@code contact} that expressions read. */
  public static final class FakeContact {
    private final int engagementScore;
    private final boolean engaged;
    final List<String> engagementWindowsAsked = new ArrayList<>();

    FakeContact(int engagementScore, boolean engaged) {
      this.engagementScore = engagementScore;
      this.engaged = engaged;
    }

    public int getEngagementScore() {
      return engagementScore;
    }

    public boolean engagedWithin(String window) {
      engagementWindowsAsked.add(window);
      return engaged;
    }
  }

  /** Stands in for {@code sendWindow}: opens at a fixed instant. */
  public static final class FixedSendWindow {
    private final Date opensAt;
    /** The local times journeys asked {@link #next} for; every answer is the fixed instant. */
    final List<String> localTimesAsked = new ArrayList<>();

    FixedSendWindow(Date opensAt) {
      this.opensAt = opensAt;
    }

    public Date businessHours(DelegateExecution execution) {
      return opensAt;
    }

    public Date next(DelegateExecution execution, String localTime) {
      localTimesAsked.add(localTime);
      return opensAt;
    }

    public Date bestHour(DelegateExecution execution) {
      return opensAt;
    }
  }

  /** Records the named inputs of every call of a step such as a webhook, a segment change or a contact update. */
  public static final class RecordingStep implements JavaDelegate {
    private final List<String> inputs;
    final List<Map<String, Object>> calls = new ArrayList<>();

    RecordingStep(String... inputs) {
      this.inputs = List.of(inputs);
    }

    @Override
    public void execute(DelegateExecution execution) {
      var call = new LinkedHashMap<String, Object>();
      inputs.forEach(input -> call.put(input, execution.getVariableLocal(input)));
      calls.add(call);
    }

    /** The value the given input had in each call, in order. */
    List<Object> values(String input) {
      return calls.stream().map(call -> call.get(input)).toList();
    }
  }

  /** Stands in for the A/B split: every run gets the variant the test chose; records the experiment asked. */
  public static final class ScriptedSplit implements JavaDelegate {
    private final String variant;
    final List<String> experiments = new ArrayList<>();
    final List<String> variantsOffered = new ArrayList<>();

    ScriptedSplit(String variant) {
      this.variant = variant;
    }

    @Override
    public void execute(DelegateExecution execution) {
      experiments.add(String.valueOf(execution.getVariableLocal("experiment")));
      variantsOffered.add(String.valueOf(execution.getVariableLocal("variants")));
      execution.setVariable("variant", variant);
    }
  }

  /** Stands in for the audience enrolment: counts its calls; each answers whether the audience is done, as scripted. */
  public static final class ScriptedEnrolAudience implements JavaDelegate {
    private final List<Boolean> answers;
    final List<String> audiences = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    /** One answer per page: {@code false, false, true} is an audience of three pages. */
    ScriptedEnrolAudience(Boolean... audienceDoneAfterEachPage) {
      this.answers = List.of(audienceDoneAfterEachPage);
    }

    /** An audience that takes this many pages: "not done" after every page but the last. */
    static ScriptedEnrolAudience ofPages(int pages) {
      var answers = new Boolean[pages];
      Arrays.fill(answers, false);
      answers[pages - 1] = true;
      return new ScriptedEnrolAudience(answers);
    }

    @Override
    public void execute(DelegateExecution execution) {
      var call = calls();
      if (call >= answers.size()) {
        throw new IllegalStateException(
            "Enrolment asked for page " + (call + 1) + " but only " + answers.size() + " were scripted");
      }
      audiences.add(String.valueOf(execution.getVariableLocal("audience")));
      messages.add(String.valueOf(execution.getVariableLocal("message")));
      execution.setVariable("audienceDone", answers.get(call));
    }

    int calls() {
      return audiences.size();
    }
  }

  /** Stands in for {@code webhooks}: a fixed URL per name, and the names asked. */
  public static final class FixedWebhooks {
    final List<String> namesAsked = new ArrayList<>();

    public String url(String name) {
      namesAsked.add(name);
      return "https://hooks.test/" + name;
    }
  }
}
