package io.itinera.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendWindowTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-03-04T10:15+01:00[Europe/Berlin], 2026-03-04T10:15+01:00[Europe/Berlin]",
      "2026-03-04T07:30+01:00[Europe/Berlin], 2026-03-04T09:00+01:00[Europe/Berlin]",
      "2026-03-04T17:00+01:00[Europe/Berlin], 2026-03-05T09:00+01:00[Europe/Berlin]",
      "2026-03-06T18:00+01:00[Europe/Berlin], 2026-03-09T09:00+01:00[Europe/Berlin]",
      "2026-03-07T08:00+01:00[Europe/Berlin], 2026-03-09T09:00+01:00[Europe/Berlin]",
      "2026-03-27T20:00+01:00[Europe/Berlin], 2026-03-30T09:00+02:00[Europe/Berlin]",
      "2026-03-06T23:30-05:00[America/New_York], 2026-03-09T09:00-04:00[America/New_York]"})
  void opensAtTheNextBusinessHourOnAWeekdayInTheContactsZone(String now, String opens) {
    assertThat(SendWindow.nextBusinessHour(ZonedDateTime.parse(now))).isEqualTo(ZonedDateTime.parse(opens));
  }
}
