package io.itinera.api.controlgroup;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.controlgroup.ControlGroupReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The global control group against everyone else: what the journeys add as a whole. */
@RestController
@ItineraApi
@Tag(name = "Control group", description = "What journeys add as a whole, against contacts who got no marketing")
class ControlGroupController {

  private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final ControlGroupReport report;
  private final Clock clock;

  ControlGroupController(ControlGroupReport report, Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  @Operation(summary = "Conversions and revenue of the control group and of everyone else",
      description = "Among contacts that entered any journey since `since` (an ISO-8601 instant; default 30 days"
          + " ago): conversions (contacts with a conversion event, itinera.control-group.conversion-event) and revenue"
          + " per contact (its value, amount or revenue property); each difference is others minus members with its"
          + " 95% interval, null until both groups have two contacts.")
  @GetMapping("/api/control-group")
  ControlGroupReport.Report compare(@RequestParam(required = false) String since) {
    return report.since(since == null ? clock.instant().minus(DEFAULT_PERIOD) : instant(since));
  }

  private static Instant instant(String since) {
    try {
      return Instant.parse(since);
    } catch (DateTimeException e) {
      throw new InvalidFieldException("since", "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }
}
