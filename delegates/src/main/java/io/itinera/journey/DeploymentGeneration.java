package io.itinera.journey;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counts the process deployments this node has seen, so that what was read before one can be told stale. */
@Component
public class DeploymentGeneration {

  private final AtomicLong generation = new AtomicLong();

  public void advance() {
    generation.incrementAndGet();
  }

  long current() {
    return generation.get();
  }
}
