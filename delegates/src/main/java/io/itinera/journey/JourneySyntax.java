package io.itinera.journey;

import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * Whether BPMN text is written the way the engine reads it, asked of the engine's own parsers
 * (JUEL, the timer calendars) so that a journey check and a run never disagree. Nothing is evaluated.
 */
public final class JourneySyntax {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final ExpressionFactoryImpl EL = new ExpressionFactoryImpl();

  /** The three ways a timer says when it fires, each read by its own engine calendar. */
  public enum Timer {
    DURATION(new DurationBusinessCalendar(), "an ISO-8601 duration such as PT24H or P7D"),
    DATE(new DueDateBusinessCalendar(), "an ISO-8601 date-time such as 2026-12-24T09:00:00+01:00"),
    CYCLE(new CycleBusinessCalendar(), "an ISO-8601 repeating interval such as R3/PT10M, or a cron expression");

    private final BusinessCalendar calendar;
    private final String expected;

    Timer(BusinessCalendar calendar, String expected) {
      this.calendar = calendar;
      this.expected = expected;
    }
  }

  private JourneySyntax() {
  }

  /** Whether the text holds an expression ({@code ${…}} or {@code #{…}}) rather than a literal value. */
  public static boolean isExpression(String text) {
    return text != null && EXPRESSION.matcher(text).find();
  }

  /** Why the text does not parse as an expression (or text mixed with expressions); empty when it does. */
  public static Optional<String> expressionError(String text) {
    try {
      // A throwaway context: parsing binds no names, so an unknown one is no error here.
      EL.createValueExpression(new SimpleContext(), text, Object.class);
      return Optional.empty();
    } catch (ELException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Why a literal timer value is not one the engine can schedule; empty when it is. */
  public static Optional<String> timerError(Timer timer, String value) {
    try {
      timer.calendar.resolveDuedate(value);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("'" + value + "' is not " + timer.expected);
    }
  }
}
