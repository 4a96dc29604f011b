package io.itinera.api.journey;

import io.itinera.analytics.JourneyAnalytics;
import io.itinera.analytics.JourneyStats;
import io.itinera.analytics.JourneySummary;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The deployed journeys, and how each one performs. */
@RestController
@ItineraApi
@Tag(name = "Journeys", description = "Deployed journeys, how they perform, and checks and trials before they go live")
class JourneyController {

  private final JourneyAnalytics analytics;

  JourneyController(JourneyAnalytics analytics) {
    this.analytics = analytics;
  }

  @Operation(summary = "The deployed journeys and their versions")
  @GetMapping("/api/journeys")
  List<JourneySummary> journeys() {
    return analytics.journeys();
  }

  @Operation(summary = "A journey's entries, exits, conversions and revenue, and per step how many runs reached it")
  @ApiResponse(responseCode = "200", description = "The journey's figures")
  @ApiResponse(responseCode = "404", description = "There is no journey with this key")
  @GetMapping("/api/journeys/{key}/stats")
  JourneyStats stats(@PathVariable String key) {
    return analytics.stats(key).orElseThrow(() -> Problems.notFound("There is no journey '" + key + "'"));
  }
}
