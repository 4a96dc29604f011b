package io.itinera.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendWindowTest {

  private final SendWindow window = new SendWindow(null, null, new SendWindowProperties(LocalTime.of(9, 0),
      LocalTime.of(17, 0), LocalTime.of(21, 0), LocalTime.of(8, 0), List.of(9, 10, 14, 16)), null);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-03-04T10:15+01:00[Europe/Berlin], 2026-03-04T10:15+01:00[Europe/Berlin]",
      "2026-03-04T07:30+01:00[Europe/Berlin], 2026-03-04T09:00+01:00[Europe/Berlin]",
      "2026-03-04T17:00+01:00[Europe/Berlin], 2026-03-05T09:00+01:00[Europe/Berlin]",
      "2026-03-06T18:00+01:00[Europe/Berlin], 2026-03-09T09:00+01:00[Europe/Berlin]",
      "2026-03-07T08:00+01:00[Europe/Berlin], 2026-03-09T09:00+01:00[Europe/Berlin]",
      "2026-03-07T11:00+01:00[Europe/Berlin], 2026-03-09T09:00+01:00[Europe/Berlin]",
      "2026-03-27T20:00+01:00[Europe/Berlin], 2026-03-30T09:00+02:00[Europe/Berlin]",
      "2026-03-06T23:30-05:00[America/New_York], 2026-03-09T09:00-04:00[America/New_York]"})
  void opensAtTheNextBusinessHourOnAWeekdayInTheContactsZone(String now, String opens) {
    assertThat(window.businessHoursFrom(ZonedDateTime.parse(now))).isEqualTo(ZonedDateTime.parse(opens));
  }

  @Test
  void findsTheNextLocalTimeAcrossADaylightSavingChange() {
    // Clocks in Berlin go forward at 02:00 on 29 March 2026: 09:00 that day is UTC+2.
    var saturdayEvening = ZonedDateTime.parse("2026-03-28T20:00+01:00[Europe/Berlin]");

    var next = SendWindow.nextAt(saturdayEvening, LocalTime.of(9, 0));

    assertThat(next).isEqualTo(ZonedDateTime.parse("2026-03-29T09:00+02:00[Europe/Berlin]"));
    assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(SendWindow.weekday(next)).isEqualTo(ZonedDateTime.parse("2026-03-30T09:00+02:00[Europe/Berlin]"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-03-04T22:30+01:00[Europe/Berlin], 2026-03-05T08:00+01:00[Europe/Berlin]",
      "2026-03-04T06:00+01:00[Europe/Berlin], 2026-03-04T08:00+01:00[Europe/Berlin]",
      "2026-03-04T20:59+01:00[Europe/Berlin], 2026-03-04T20:59+01:00[Europe/Berlin]",
      "2026-03-04T08:00+01:00[Europe/Berlin], 2026-03-04T08:00+01:00[Europe/Berlin]"})
  void neverSendsInQuietHours(String time, String sent) {
    assertThat(window.outsideQuietHours(ZonedDateTime.parse(time))).isEqualTo(ZonedDateTime.parse(sent));
  }

  @Test
  void picksTheHourInWhichTheContactEngagedMostInItsOwnZone() {
    var now = ZonedDateTime.parse("2026-03-04T10:30-05:00[America/New_York]");
    var history = List.of(
        Instant.parse("2026-03-01T23:10:00Z"), Instant.parse("2026-03-02T23:40:00Z"),
        Instant.parse("2026-03-03T23:05:00Z"), Instant.parse("2026-03-03T14:00:00Z"));

    assertThat(window.bestHourFrom(now, history)).isEqualTo(ZonedDateTime.parse("2026-03-04T18:00-05:00[America/New_York]"));
  }

  @Test
  void usesTheNextDefaultHourWithoutEngagementHistory() {
    var now = ZonedDateTime.parse("2026-03-04T11:20+01:00[Europe/Berlin]");

    assertThat(window.bestHourFrom(now, List.of())).isEqualTo(ZonedDateTime.parse("2026-03-04T14:00+01:00[Europe/Berlin]"));
  }
}
