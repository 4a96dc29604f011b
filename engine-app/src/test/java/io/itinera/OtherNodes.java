package io.itinera;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * For tests that start more app contexts beside the shared test context: Camunda keeps one engine
 * registry per JVM, which the engine REST API reads, and starting and closing other contexts loses
 * the shared context's engine from it. Snapshot before, restore after.
 */
public final class OtherNodes {

  private final Map<String, ProcessEngine> registered = new HashMap<>(ProcessEngines.getProcessEngines());

  /** Puts back every engine that was registered when this was created and is still open. */
  public void restoreEngineRegistry() {
    registered.forEach((name, engine) -> {
      if (!engine.equals(ProcessEngines.getProcessEngines().get(name))) {
        ProcessEngines.registerProcessEngine(engine);
      }
    });
  }
}
