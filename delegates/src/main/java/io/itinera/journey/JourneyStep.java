package io.itinera.journey;

/** A delegate that journeys call by bean name, with the inputs it reads. */
public interface JourneyStep {

  StepInputs inputs();
}
