package io.pvekit.proxmox.simulator.internal.api;

import io.pvekit.proxmox.simulator.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Decides which fault rules hit a request. Each rule draws from its own seeded random stream. */
public final class FaultInjector {
  /** What to do to one request. */
  public record Outcome(
      Duration latency,
      boolean drop,
      boolean expireTicket,
      int errorStatus,
      String errorMessage,
      String taskFailure) {
    static final Outcome NONE = new Outcome(Duration.ZERO, false, false, 0, null, null);

    /** Whether nothing happens. */
    public boolean none() {
      return this == NONE;
    }
  }

  private static final class Active {
    final FaultRule rule;
    final String[] segments;
    final Random random;
    final AtomicLong fired = new AtomicLong();

    Active(FaultRule rule, long seed) {
      this.rule = rule;
      this.segments = rule.path().equals("*") ? null : rule.path().substring(1).split("/", -1);
      this.random = new Random(seed);
    }
  }

  private final List<Active> rules = new CopyOnWriteArrayList<>();
  private final long seed;
  private final AtomicLong added = new AtomicLong();

  public FaultInjector(long seed) {
    this.seed = seed;
  }

  /** Adds a rule. */
  public void add(FaultRule rule) {
    rules.add(new Active(rule, seed * 31 + added.incrementAndGet()));
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** The rules currently active. */
  public List<FaultRule> rules() {
    return rules.stream().map(a -> a.rule).toList();
  }

  /** The combined effect of every rule that hits this request. */
  public Outcome apply(String method, List<String> segments) {
    if (rules.isEmpty()) {
      return Outcome.NONE;
    }
    Duration latency = Duration.ZERO;
    boolean drop = false;
    boolean expire = false;
    int status = 0;
    String message = null;
    String taskFailure = null;
    boolean any = false;
    for (Active a : rules) {
      if (!matches(a, method, segments) || !fires(a)) {
        continue;
      }
      any = true;
      latency = latency.plus(a.rule.latency());
      drop |= a.rule.dropsConnection();
      expire |= a.rule.expiresTicket();
      if (taskFailure == null && a.rule.taskFailure().isPresent()) {
        taskFailure = a.rule.taskFailure().get();
      }
      if (status == 0 && a.rule.errorStatus().isPresent()) {
        status = a.rule.errorStatus().getAsInt();
        message = a.rule.errorMessage().orElse("");
      }
    }
    return any ? new Outcome(latency, drop, expire, status, message, taskFailure) : Outcome.NONE;
  }

  private static boolean fires(Active a) {
    synchronized (a) {
      if (a.rule.maxTimes().isPresent() && a.fired.get() >= a.rule.maxTimes().getAsInt()) {
        return false;
      }
      if (a.rule.probability() < 1 && a.random.nextDouble() >= a.rule.probability()) {
        return false;
      }
      a.fired.incrementAndGet();
      return true;
    }
  }

  private static boolean matches(Active a, String method, List<String> segments) {
    if (!a.rule.method().equals("*") && !a.rule.method().equals(method)) {
      return false;
    }
    if (a.segments == null) {
      return true;
    }
    for (int i = 0; i < a.segments.length; i++) {
      String expected = a.segments[i];
      if (expected.equals("*") && i == a.segments.length - 1) {
        return true;
      }
      if (i >= segments.size()) {
        return false;
      }
      if (!(expected.startsWith("{") && expected.endsWith("}"))
          && !expected.equals(segments.get(i))) {
        return false;
      }
    }
    return a.segments.length == segments.size();
  }
}
