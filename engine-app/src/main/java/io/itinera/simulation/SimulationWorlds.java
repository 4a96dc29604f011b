package io.itinera.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The simulation worlds of this node, each an application context of its own ({@link
 * SimulationWorldConfiguration}) with the app's settings, built on first use (a few seconds) and
 * then reused. A world runs one simulation at a time; {@link #MAX_WORLDS} run side by side.
 */
@Component
class SimulationWorlds implements DisposableBean {

  static final int MAX_WORLDS = 2;

  private final ConfigurableEnvironment environment;
  private final ObjectMapper json;
  private final BlockingQueue<AnnotationConfigApplicationContext> idle = new LinkedBlockingQueue<>();
  private final List<AnnotationConfigApplicationContext> all = new ArrayList<>();

  SimulationWorlds(ConfigurableEnvironment environment, ObjectMapper json) {
    this.environment = environment;
    this.json = json;
  }

  <T> T inAWorld(Function<SimulationRunner, T> work) {
    var world = borrow();
    try {
      return work.apply(world.getBean(SimulationRunner.class));
    } finally {
      idle.add(world);
    }
  }

  private AnnotationConfigApplicationContext borrow() {
    var world = idle.poll();
    if (world != null) {
      return world;
    }
    synchronized (all) {
      if (all.size() < MAX_WORLDS) {
        var created = create();
        all.add(created);
        return created;
      }
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a simulation world", e);
    }
  }

  private AnnotationConfigApplicationContext create() {
    var world = new AnnotationConfigApplicationContext();
    world.setDisplayName("simulation world " + (all.size() + 1));
    world.setEnvironment(environment);
    world.registerBean(ObjectMapper.class, () -> json);
    world.register(SimulationWorldConfiguration.class);
    world.refresh();
    return world;
  }

  @Override
  public void destroy() {
    synchronized (all) {
      all.forEach(AnnotationConfigApplicationContext::close);
      all.clear();
    }
  }
}
