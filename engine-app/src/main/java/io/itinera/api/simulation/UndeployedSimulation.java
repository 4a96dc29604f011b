package io.itinera.api.simulation;

import io.itinera.simulation.SimulationPlan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A journey's BPMN file, not deployed, with the simulation to run on it: {@code {bpmn, plan}}. */
record UndeployedSimulation(@NotBlank String bpmn, @NotNull @Valid SimulationPlan plan) {
}
