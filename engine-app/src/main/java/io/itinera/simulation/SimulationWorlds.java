package io.itinera.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntFunction;
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
  private final ExecutorService helpers = Executors.newFixedThreadPool(MAX_WORLDS - 1, work -> {
    var thread = new Thread(work, "simulation-world-helper");
    thread.setDaemon(true);
    return thread;
  });

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

  /**
   * Works through {@code count} items side by side on as many worlds as are free (at least one, at
   * most {@link #MAX_WORLDS}), each world borrowed once: {@code work} prepares a world (deploys the
   * journey) and answers what to do with an item; each world then takes the next item until none is
   * left. Answers in item order. Waits for one world only, so that two of these never hold one world
   * each while waiting for the other.
   */
  <T> List<T> inEachWorld(int count, Function<SimulationRunner, IntFunction<T>> work) {
    var answers = new AtomicReferenceArray<T>(count);
    var next = new AtomicInteger();
    var borrowed = new ArrayList<AnnotationConfigApplicationContext>(List.of(borrow()));
    try {
      while (borrowed.size() < Math.min(count, MAX_WORLDS)) {
        var spare = spare();
        if (spare == null) {
          break;
        }
        borrowed.add(spare);
      }
      var shares = borrowed.stream().map(world -> (Runnable) () -> {
        var runner = world.getBean(SimulationRunner.class);
        try {
          var item = work.apply(runner);
          for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
            answers.set(index, item.apply(index));
          }
        } catch (RuntimeException failed) {
          next.set(count);
          throw failed;
        } finally {
          runner.emptyAll();
        }
      }).toList();
      List<Future<?>> others = shares.subList(1, shares.size()).stream().<Future<?>>map(helpers::submit).toList();
      RuntimeException failure = null;
      try {
        shares.get(0).run();
      } catch (RuntimeException failed) {
        failure = failed;
      }
      failure = awaitAll(others, failure);
      if (failure != null) {
        throw failure;
      }
    } finally {
      idle.addAll(borrowed);
    }
    var inOrder = new ArrayList<T>(count);
    for (int index = 0; index < count; index++) {
      inOrder.add(answers.get(index));
    }
    return inOrder;
  }

  /** Waits for every share, even when interrupted, so that no world goes back to the pool while still in use. */
  private static RuntimeException awaitAll(List<Future<?>> shares, RuntimeException failure) {
    var interrupted = false;
    for (var share : shares) {
      while (true) {
        try {
          share.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException cause ? cause
                : new IllegalStateException("A simulation world failed", e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return failure;
  }

  private AnnotationConfigApplicationContext borrow() {
    var world = spare();
    if (world != null) {
      return world;
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a simulation world", e);
    }
  }

  /** An idle world, or a new one while there are fewer than {@link #MAX_WORLDS}; null when all are busy. */
  private AnnotationConfigApplicationContext spare() {
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
    return null;
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
    helpers.shutdownNow();
    synchronized (all) {
      all.forEach(AnnotationConfigApplicationContext::close);
      all.clear();
    }
  }
}
