package io.pvekit.checks.internal.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fans one check's per-node or per-storage calls out at once: a check that asks every node in turn
 * would put n round trips on the run's critical path.
 */
final class Parallel {
  private Parallel() {}

  /** A function that may throw. */
  interface Call<T, R> {
    R apply(T item) throws Exception;
  }

  /** Applies {@code call} to every item at once; results in item order; the first failure wins. */
  static <T, R> List<R> map(List<T> items, Call<T, R> call) throws Exception {
    if (items.size() <= 1) {
      List<R> out = new ArrayList<>();
      for (T item : items) {
        out.add(call.apply(item));
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(items.size(), 16),
            r -> {
              Thread t = new Thread(r, "pvekit-check-fanout");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> call.apply(item)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception ex) {
            throw ex;
          }
          throw e;
        }
      }
      return out;
    } finally {
      // an interrupted check (its timeout) stops its calls too
      pool.shutdownNow();
    }
  }
}
