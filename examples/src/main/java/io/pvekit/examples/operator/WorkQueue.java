package io.pvekit.examples.operator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keys of objects to reconcile, processed one at a time by a single worker thread. A key added
 * while it waits is not queued twice (events collapse); a key whose reconcile throws comes back
 * after an exponential backoff (1 s doubling up to 5 min), so a conflict or an unreachable API
 * server is retried without spinning.
 */
final class WorkQueue implements AutoCloseable {
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofMinutes(5);

  private final Set<String> pending = new LinkedHashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final ScheduledExecutorService retries;
  private final Thread worker;
  private final Consumer<String> reconcile;
  private final Consumer<String> log;
  private boolean closed;

  WorkQueue(Consumer<String> reconcile, Consumer<String> log) {
    this.reconcile = reconcile;
    this.log = log;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pvekit-operator-retry");
              t.setDaemon(true);
              return t;
            });
    this.worker = new Thread(this::work, "pvekit-operator-worker");
    this.worker.setDaemon(true);
  }

  void start() {
    worker.start();
  }

  synchronized void add(String key) {
    if (!closed && pending.add(key)) {
      notifyAll();
    }
  }

  /** Adds the key after a delay, e.g. to look at a tenant again while it provisions. */
  void addAfter(String key, Duration delay) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    retries.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized String take() throws InterruptedException {
    while (pending.isEmpty() && !closed) {
      wait();
    }
    if (closed) {
      return null;
    }
    Iterator<String> it = pending.iterator();
    String key = it.next();
    it.remove();
    return key;
  }

  private void work() {
    while (true) {
      String key;
      try {
        key = take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (key == null) {
        return;
      }
      try {
        reconcile.accept(key);
        synchronized (this) {
          failures.remove(key);
        }
      } catch (RuntimeException e) {
        retryLater(key, e);
      }
    }
  }

  private void retryLater(String key, RuntimeException e) {
    int n;
    synchronized (this) {
      if (closed) {
        return;
      }
      n = failures.merge(key, 1, Integer::sum);
    }
    long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(n - 1, 20));
    log.accept(key + ": reconcile failed (" + e + "); retrying in " + delay + " ms");
    retries.schedule(() -> add(key), delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    retries.shutdownNow();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
