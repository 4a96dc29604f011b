package io.itinera.api.simulation;

import io.itinera.api.InvalidFieldException;
import io.itinera.api.ItineraApi;
import io.itinera.simulation.AudienceForecast;
import io.itinera.simulation.Forecast;
import io.itinera.simulation.ForecastPlan;
import io.itinera.simulation.JourneySimulator;
import io.itinera.simulation.SimulationPlan;
import io.itinera.simulation.SimulationRefusedException;
import io.itinera.simulation.SimulationResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tries a journey before it reaches real people: the deployed journey, or a BPMN file not deployed
 * yet. {@code ?html=true} adds each email's HTML to the answer. A forecast runs the simulation for an
 * audience of up to a thousand contacts and answers with the totals.
 */
@RestController
@ItineraApi
@Tag(name = "Journeys")
class SimulationController {

  private final JourneySimulator simulator;
  private final AudienceForecast forecasts;

  SimulationController(JourneySimulator simulator, AudienceForecast forecasts) {
    this.simulator = simulator;
    this.forecasts = forecasts;
  }

  @Operation(summary = "Simulate a deployed journey for one synthetic contact, in simulated time",
      description = "Nothing is sent or stored. html=true adds each email's HTML.")
  @PostMapping("/api/journeys/{key}/simulate")
  SimulationResult simulate(@PathVariable String key, @Valid @RequestBody SimulationPlan plan,
      @RequestParam(defaultValue = "false") boolean html) {
    return refusedAsBadInput(() -> simulator.simulate(key, plan, html));
  }

  @Operation(summary = "Simulate a BPMN file that is not deployed", description = "The same as for a deployed journey.")
  @PostMapping("/api/journeys/simulate")
  SimulationResult simulate(@Valid @RequestBody UndeployedSimulation simulation,
      @RequestParam(defaultValue = "false") boolean html) {
    return refusedAsBadInput(() -> simulator.simulate(simulation.bpmn().getBytes(StandardCharsets.UTF_8),
        simulation.plan(), html));
  }

  @Operation(summary = "Forecast a journey for up to 1,000 real (read only) or synthetic contacts",
      description = "Per step how many reach it, emails per contact, and how the runs end.")
  @PostMapping("/api/journeys/{key}/forecast")
  Forecast forecast(@PathVariable String key, @Valid @RequestBody ForecastPlan plan) {
    return refusedAsBadInput(() -> forecasts.forecast(key, plan));
  }

  private static <T> T refusedAsBadInput(Supplier<T> simulation) {
    try {
      return simulation.get();
    } catch (SimulationRefusedException refused) {
      throw new InvalidFieldException(refused.field(), refused.getMessage());
    }
  }
}
