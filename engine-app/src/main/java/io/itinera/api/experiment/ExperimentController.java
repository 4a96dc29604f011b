package io.itinera.api.experiment;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.experiment.ExperimentReport;
import io.itinera.experiment.ExperimentResults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An experiment's results, as the A/B split steps and the journey's goal produced them. */
@RestController
@ItineraApi
class ExperimentController {

  private final ExperimentResults results;

  ExperimentController(ExperimentResults results) {
    this.results = results;
  }

  @GetMapping("/api/experiments/{name}")
  ExperimentReport experiment(@PathVariable String name) {
    return results.of(name).orElseThrow(() -> Problems.notFound("There is no experiment '" + name + "'"));
  }
}
