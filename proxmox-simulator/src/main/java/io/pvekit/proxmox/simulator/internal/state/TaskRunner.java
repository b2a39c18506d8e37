package io.pvekit.proxmox.simulator.internal.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs workers the way pvedaemon forks them: the API call returns the UPID at once and the work
 * completes later, after the configured duration, under the world's lock.
 */
public final class TaskRunner implements AutoCloseable {
  /** The part of an operation that happens when the worker finishes. */
  @FunctionalInterface
  public interface Work {
    /** Completes the operation; throw {@link SimulatorError} to fail the task with that message. */
    void complete(TaskRecord task);
  }

  private static final int MAX_TASKS = 10_000;
  private static final ThreadLocal<String> FORCED_FAILURE = new ThreadLocal<>();

  private final World world;
  private final ScheduledExecutorService scheduler;
  private final java.util.List<Runnable> deferred = new java.util.ArrayList<>();
  private boolean paused;

  public TaskRunner(World world) {
    this.world = world;
    AtomicInteger n = new AtomicInteger();
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "pve-sim-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a worker. Call it holding the world's lock.
   *
   * @param lockGuest the guest whose config file lock the worker needs, or null
   * @param sharedLock whether a shared lock is enough (clones of templates)
   */
  public TaskRecord start(
      String node,
      String type,
      String id,
      String user,
      Guest lockGuest,
      boolean sharedLock,
      Work work) {
    return start(node, type, id, user, lockGuest, sharedLock, world.taskDuration(), work);
  }

  /** Starts a worker that takes {@code duration}. */
  public TaskRecord start(
      String node,
      String type,
      String id,
      String user,
      Guest lockGuest,
      boolean sharedLock,
      Duration duration,
      Work work) {
    Upid upid = world.newUpid(node, type, id, user);
    TaskRecord task = new TaskRecord(upid);
    forgetOldTasks();
    world.tasks().put(task.upidText(), task);
    boolean locked = lockGuest == null || lockGuest.tryFileLock(task.upidText(), sharedLock);
    String forced = FORCED_FAILURE.get();
    Work effective =
        forced == null
            ? work
            : t -> {
              t.onAbort().run();
              throw new SimulatorError(forced);
            };
    Runnable completion = () -> finish(task, lockGuest, sharedLock, locked, effective);
    scheduler.schedule(
        () -> {
          synchronized (world) {
            if (paused) {
              deferred.add(completion);
              return;
            }
          }
          completion.run();
        },
        duration.toMillis(),
        TimeUnit.MILLISECONDS);
    world.changed();
    return task;
  }

  /** Keeps the task index bounded for long-running simulators, dropping the oldest finished. */
  private void forgetOldTasks() {
    java.util.Iterator<TaskRecord> oldest = world.tasks().values().iterator();
    while (world.tasks().size() >= MAX_TASKS && oldest.hasNext()) {
      if (!oldest.next().running()) {
        oldest.remove();
      }
    }
  }

  private void finish(TaskRecord task, Guest lockGuest, boolean shared, boolean locked, Work work) {
    synchronized (world) {
      try {
        if (!task.running()) {
          return;
        }
        if (!locked) {
          throw new SimulatorError("can't lock file '" + lockGuest.lockFile() + "' - got timeout");
        }
        work.complete(task);
        task.finish("OK", world.clock().epochSecond());
      } catch (SimulatorError e) {
        task.log().add(e.getMessage());
        task.finish(e.getMessage(), world.clock().epochSecond());
      } catch (RuntimeException e) {
        task.finish("simulator bug: " + e, world.clock().epochSecond());
      } finally {
        if (locked && lockGuest != null) {
          lockGuest.releaseFileLock(task.upidText(), shared);
        }
        world.changed();
      }
    }
  }

  /**
   * Makes the tasks this thread starts from now on fail with this exit status (fault injection);
   * null ends that.
   */
  public void failTasksStartedNow(String exitStatus) {
    if (exitStatus == null) {
      FORCED_FAILURE.remove();
    } else {
      FORCED_FAILURE.set(exitStatus);
    }
  }

  /** Holds every task that is due in the running state until {@link #resume}. */
  public void pause() {
    synchronized (world) {
      paused = true;
    }
  }

  /** Lets held and future tasks finish. */
  public void resume() {
    java.util.List<Runnable> due;
    synchronized (world) {
      paused = false;
      due = new java.util.ArrayList<>(deferred);
      deferred.clear();
    }
    due.forEach(scheduler::execute);
  }

  /** Stops a running worker as {@code DELETE /nodes/{node}/tasks/{upid}} does. */
  public void stop(TaskRecord task) {
    if (task.running()) {
      task.onAbort().run();
      task.log().add("received interrupt");
      task.finish("interrupted by signal", world.clock().epochSecond());
      world.changed();
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
