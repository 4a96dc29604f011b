package io.itinera.journey;

/** How a paused journey treats the runs already in it; either way it takes no new entries. */
public enum PauseMode {
  /** Runs hold where they are: the engine suspends them, so their timers and steps wait for the resume. */
  HOLD,
  /** Runs go on to their end; the journey empties. */
  DRAIN
}
