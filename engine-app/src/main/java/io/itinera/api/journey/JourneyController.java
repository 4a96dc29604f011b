package io.itinera.api.journey;

import io.itinera.analytics.JourneyAnalytics;
import io.itinera.analytics.JourneyStats;
import io.itinera.analytics.JourneySummary;
import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The deployed journeys, and how each one performs. */
@RestController
@ItineraApi
class JourneyController {

  private final JourneyAnalytics analytics;

  JourneyController(JourneyAnalytics analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/api/journeys")
  List<JourneySummary> journeys() {
    return analytics.journeys();
  }

  @GetMapping("/api/journeys/{key}/stats")
  JourneyStats stats(@PathVariable String key) {
    return analytics.stats(key).orElseThrow(() -> Problems.notFound("There is no journey '" + key + "'"));
  }
}
