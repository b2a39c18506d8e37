package io.pvekit.checks.internal;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckNotEvaluatedException;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Waiver;
import io.pvekit.proxmox.ProxmoxAuthenticationException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.ProxmoxTimeoutException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One run of {@link io.pvekit.checks.IntegrityChecks}: its threads live only for this run. */
public final class Execution {
  private final List<Check> checks;
  private final int parallelism;
  private final Duration deadline;
  private final List<Waiver> waivers;
  private final Consumer<CheckResult> listener;
  private final Clock clock;

  /**
   * A run.
   *
   * @param checks the checks, in catalogue order
   * @param parallelism checks at once
   * @param deadline the whole run's deadline
   * @param waivers exceptions
   * @param listener called per result
   * @param clock the clock
   */
  public Execution(
      List<Check> checks,
      int parallelism,
      Duration deadline,
      List<Waiver> waivers,
      Consumer<CheckResult> listener,
      Clock clock) {
    this.checks = checks;
    this.parallelism = parallelism;
    this.deadline = deadline;
    this.waivers = waivers;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Runs every check and builds the report.
   *
   * @param context the clients and settings
   * @return the report
   */
  public CheckReport run(CheckContext context) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon("pvekit-check"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemon("pvekit-check-timer"));
    Map<String, CompletableFuture<CheckResult>> futures = new LinkedHashMap<>();
    Map<String, Future<?>> running = new HashMap<>();
    try {
      for (Check check : order()) {
        futures.put(check.id(), schedule(check, context, futures, pool, timer, running));
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new));
      try {
        all.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // the overall deadline: what has not finished ends now, dependents are skipped in order
        for (Check check : order()) {
          CheckResult late =
              result(
                  check,
                  CheckOutcome.of(
                      CheckStatus.TIMEOUT,
                      "the run's deadline of " + deadline.toMillis() + " ms passed",
                      List.of()),
                  Duration.ofNanos(System.nanoTime() - startNanos));
          complete(futures.get(check.id()), late);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running checks", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("the check runner failed", e.getCause());
      }
    } finally {
      synchronized (running) {
        running.values().forEach(f -> f.cancel(true));
      }
      pool.shutdownNow();
      timer.shutdownNow();
    }
    List<CheckResult> results = new ArrayList<>();
    for (Check check : checks) {
      results.add(futures.get(check.id()).join());
    }
    return applyWaivers(results, started, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private CompletableFuture<CheckResult> schedule(
      Check check,
      CheckContext context,
      Map<String, CompletableFuture<CheckResult>> futures,
      ExecutorService pool,
      ScheduledExecutorService timer,
      Map<String, Future<?>> running) {
    List<CompletableFuture<CheckResult>> deps = new ArrayList<>();
    for (String dep : check.dependencies()) {
      if (futures.containsKey(dep)) {
        deps.add(futures.get(dep));
      }
    }
    CompletableFuture<CheckResult> mine = new CompletableFuture<>();
    CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ignored, error) -> {
              for (CompletableFuture<CheckResult> dep : deps) {
                CheckResult d = dep.join();
                if (d.status() != CheckStatus.PASS && d.status() != CheckStatus.WARN) {
                  complete(
                      mine,
                      result(
                          check,
                          CheckOutcome.skip(
                              "dependency " + d.checkId() + " is " + d.status() + ", not PASS"),
                          Duration.ZERO));
                  return;
                }
              }
              start(check, context, mine, pool, timer, running);
            });
    return mine;
  }

  private void start(
      Check check,
      CheckContext context,
      CompletableFuture<CheckResult> mine,
      ExecutorService pool,
      ScheduledExecutorService timer,
      Map<String, Future<?>> running) {
    Runnable body =
        () -> {
          long begin = System.nanoTime();
          Thread worker = Thread.currentThread();
          // the timeout counts from the start of the check, not from when it was queued
          timer.schedule(
              () -> {
                CheckOutcome late =
                    CheckOutcome.of(
                        CheckStatus.TIMEOUT,
                        "no answer within the check's timeout of "
                            + check.timeout().toMillis()
                            + " ms",
                        List.of());
                if (complete(mine, result(check, late, check.timeout()))) {
                  worker.interrupt();
                }
              },
              check.timeout().toMillis(),
              TimeUnit.MILLISECONDS);
          CheckOutcome outcome;
          try {
            outcome = check.function().evaluate(context);
          } catch (Exception | LinkageError | AssertionError e) {
            outcome = classify(e);
          }
          complete(mine, result(check, outcome, Duration.ofNanos(System.nanoTime() - begin)));
          Thread.interrupted(); // a late timeout must not interrupt the next check on this thread
        };
    try {
      Future<?> task = pool.submit(body);
      synchronized (running) {
        running.put(check.id(), task);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the run is over; the deadline handler completes this check
    }
  }

  private boolean complete(CompletableFuture<CheckResult> future, CheckResult result) {
    // the listener sees a result before anyone waiting on the future, and only the first one
    synchronized (future) {
      if (future.isDone()) {
        return false;
      }
      listener.accept(result);
      return future.complete(result);
    }
  }

  /** Maps what a check threw to a status that never reads as healthy. */
  static CheckOutcome classify(Throwable e) {
    if (e instanceof CheckNotEvaluatedException) {
      return CheckOutcome.notEvaluated(e.getMessage());
    }
    if (e instanceof KubernetesClientException k && (k.getCode() == 401 || k.getCode() == 403)) {
      return CheckOutcome.notEvaluated(
          "the Kubernetes API refused the read (" + k.getCode() + "): " + firstLine(k));
    }
    if (e instanceof ProxmoxPermissionException || e instanceof ProxmoxAuthenticationException) {
      return CheckOutcome.notEvaluated("the Proxmox API refused the read: " + firstLine(e));
    }
    if (e instanceof ProxmoxTimeoutException
        || e instanceof InterruptedException
        || e instanceof InterruptedIOException
        || e.getCause() instanceof InterruptedException
        || e.getCause() instanceof InterruptedIOException) {
      return CheckOutcome.of(
          CheckStatus.TIMEOUT, "the API did not answer: " + firstLine(e), List.of());
    }
    return CheckOutcome.of(
        CheckStatus.ERROR,
        "the check could not run: " + e.getClass().getSimpleName() + ": " + firstLine(e),
        List.of());
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  private static CheckResult result(Check check, CheckOutcome outcome, Duration took) {
    boolean remedy = outcome.status() != CheckStatus.PASS && outcome.status() != CheckStatus.SKIP;
    return CheckResult.builder()
        .checkId(check.id())
        .category(check.category())
        .severity(check.severity())
        .title(check.title())
        .status(outcome.status())
        .message(outcome.message())
        .evidence(outcome.evidence())
        .remediation(remedy ? Optional.of(check.remediation()) : Optional.empty())
        .duration(took)
        .build();
  }

  private CheckReport applyWaivers(List<CheckResult> results, Instant started, Duration took) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Waiver> expired = new ArrayList<>();
    Set<Waiver> used = new HashSet<>();
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : results) {
      CheckResult waived = r;
      for (Waiver w : waivers) {
        if (w.expiredOn(today) || !w.covers(r)) {
          continue;
        }
        used.add(w);
        waived = CheckResult.builder().from(r).waivedBecause(w.reason()).build();
        break;
      }
      out.add(waived);
    }
    List<Waiver> unused = new ArrayList<>();
    for (Waiver w : waivers) {
      if (w.expiredOn(today)) {
        expired.add(w);
      } else if (!used.contains(w)) {
        unused.add(w);
      }
    }
    return CheckReport.builder()
        .startedAt(started)
        .duration(took)
        .results(out)
        .expiredWaivers(expired)
        .unusedWaivers(unused)
        .build();
  }

  /** The checks with every dependency before its dependents; refuses cycles. */
  private List<Check> order() {
    Map<String, Check> byId = new LinkedHashMap<>();
    checks.forEach(c -> byId.put(c.id(), c));
    List<Check> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (Check c : checks) {
      visit(c, byId, done, visiting, out);
    }
    return out;
  }

  private static void visit(
      Check c, Map<String, Check> byId, Set<String> done, Set<String> visiting, List<Check> out) {
    if (done.contains(c.id())) {
      return;
    }
    if (!visiting.add(c.id())) {
      throw new IllegalArgumentException("dependencies: a cycle runs through " + c.id());
    }
    for (String dep : c.dependencies()) {
      Check d = byId.get(dep);
      if (d != null) {
        visit(d, byId, done, visiting, out);
      }
    }
    visiting.remove(c.id());
    done.add(c.id());
    out.add(c);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
