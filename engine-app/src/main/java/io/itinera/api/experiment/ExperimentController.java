package io.itinera.api.experiment;

import io.itinera.api.ItineraApi;
import io.itinera.api.Problems;
import io.itinera.experiment.ExperimentReport;
import io.itinera.experiment.ExperimentResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An experiment's results, as the A/B split steps and the journey's goal produced them. */
@RestController
@ItineraApi
@Tag(name = "Experiments", description = "Results of the A/B split steps")
class ExperimentController {

  private final ExperimentResults results;

  ExperimentController(ExperimentResults results) {
    this.results = results;
  }

  @Operation(summary = "An experiment's results per variant, with significance")
  @ApiResponse(responseCode = "200", description = "The experiment's results")
  @ApiResponse(responseCode = "404", description = "There is no experiment with this name")
  @GetMapping("/api/experiments/{name}")
  ExperimentReport experiment(@PathVariable String name) {
    return results.of(name).orElseThrow(() -> Problems.notFound("There is no experiment '" + name + "'"));
  }
}
