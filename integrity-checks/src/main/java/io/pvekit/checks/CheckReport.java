package io.pvekit.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The results of one run, with the exceptions that expired or were not used. */
@Value.Immutable
public abstract class CheckReport {
  /** The version of the report's JSON form; see {@code report-schema.json}. */
  public static final String FORMAT_VERSION = "1";

  /** Exit code: nothing counted against the threshold. */
  public static final int EXIT_OK = 0;

  /** Exit code: at least one check failed. */
  public static final int EXIT_FAILURES = 1;

  /** Exit code: at least one check could not be evaluated (error, timeout, not evaluated). */
  public static final int EXIT_ERRORS = 2;

  /**
   * When the run started.
   *
   * @return the start
   */
  public abstract Instant startedAt();

  /**
   * How long the run took.
   *
   * @return the duration
   */
  public abstract Duration duration();

  /**
   * The results, in catalogue order.
   *
   * @return the results
   */
  public abstract List<CheckResult> results();

  /**
   * Exceptions past their expiry date; they waived nothing.
   *
   * @return the expired exceptions
   */
  public abstract List<Waiver> expiredWaivers();

  /**
   * Exceptions that matched no result; they can be removed.
   *
   * @return the unused exceptions
   */
  public abstract List<Waiver> unusedWaivers();

  /**
   * How many results have each status.
   *
   * @return counts by status, every status present
   */
  @Value.Derived
  public Map<CheckStatus, Integer> counts() {
    Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
    for (CheckStatus s : CheckStatus.values()) {
      counts.put(s, 0);
    }
    results().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /**
   * The share of checks that could be evaluated (PASS, WARN or FAIL), 0..1; 1 for an empty run.
   *
   * @return the coverage
   */
  public double coverage() {
    if (results().isEmpty()) {
      return 1.0;
    }
    long evaluated = results().stream().filter(r -> r.status().evaluated()).count();
    return (double) evaluated / results().size();
  }

  /**
   * The exit code: 2 when a result at or above {@code failOn} could not be evaluated, 1 when one
   * failed, else 0. Waived results and WARN never count. An empty {@code failOn} ("none") always
   * gives 0.
   *
   * @param failOn the lowest severity that counts, or empty to never fail
   * @return 0, 1 or 2
   */
  public int exitCode(Optional<Severity> failOn) {
    if (failOn.isEmpty()) {
      return EXIT_OK;
    }
    Severity threshold = failOn.get();
    boolean failed = false;
    for (CheckResult r : results()) {
      if (!r.counts() || !r.severity().atLeast(threshold)) {
        continue;
      }
      if (r.status().unknown()) {
        return EXIT_ERRORS;
      }
      failed = true;
    }
    return failed ? EXIT_FAILURES : EXIT_OK;
  }

  /**
   * The result of one check.
   *
   * @param checkId the id
   * @return the result, if the check ran
   */
  public Optional<CheckResult> result(String checkId) {
    return results().stream().filter(r -> r.checkId().equals(checkId)).findFirst();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCheckReport.Builder builder() {
    return ImmutableCheckReport.builder();
  }
}
