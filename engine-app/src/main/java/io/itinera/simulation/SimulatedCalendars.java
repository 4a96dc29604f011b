package io.itinera.simulation;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own calendars, counting durations and cycles from the simulated time instead of
 * ClockUtil's: a timer of PT24H set at simulated noon is due at simulated noon the next day.
 */
final class SimulatedCalendars implements BusinessCalendarManager {

  private final Map<String, BusinessCalendar> calendars;

  SimulatedCalendars(Clock clock) {
    calendars = Map.of(
        DurationBusinessCalendar.NAME, fromNow(new DurationBusinessCalendar(), clock),
        CycleBusinessCalendar.NAME, fromNow(new CycleBusinessCalendar(), clock),
        DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
  }

  @Override
  public BusinessCalendar getBusinessCalendar(String name) {
    return calendars.get(name);
  }

  private static BusinessCalendar fromNow(BusinessCalendar calendar, Clock clock) {
    return new BusinessCalendar() {
      @Override
      public Date resolveDuedate(String description) {
        return calendar.resolveDuedate(description, Date.from(clock.instant()));
      }

      @Override
      public Date resolveDuedate(String description, Date startDate) {
        return calendar.resolveDuedate(description, startDate);
      }

      @Override
      public Date resolveDuedate(String description, Task task) {
        return resolveDuedate(description);
      }
    };
  }
}
