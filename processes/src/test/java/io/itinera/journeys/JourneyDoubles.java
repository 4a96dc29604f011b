package io.itinera.journeys;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Test doubles for the beans journeys reference by name; only the BPMN is under test here. */
final class JourneyDoubles {

  private JourneyDoubles() {
  }

  /** Records the template of every email a journey asked to send, and the step that asked. */
  static final class RecordingSendEmail implements JavaDelegate {
    final List<String> templates = new ArrayList<>();
    final List<String> categories = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      templates.add(String.valueOf(execution.getVariableLocal("template")));
      categories.add(String.valueOf(execution.getVariableLocal("category")));
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

    FixedSendWindow(Date opensAt) {
      this.opensAt = opensAt;
    }

    public Date businessHours(DelegateExecution execution) {
      return opensAt;
    }
  }
}
