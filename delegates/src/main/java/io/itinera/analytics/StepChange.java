package io.itinera.analytics;

import java.util.List;

/** A step a journey version added, removed or changed against the version before it, and what changed. */
public record StepChange(String step, String name, String type, Change change, List<String> details) {

  public enum Change { ADDED, REMOVED, CHANGED }
}
