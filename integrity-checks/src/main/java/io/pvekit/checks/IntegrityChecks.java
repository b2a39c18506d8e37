package io.pvekit.checks;

import io.pvekit.checks.internal.Execution;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs checks in parallel: each within its own timeout, the whole run within a deadline, a check
 * whose dependency did not pass skipped with that reason, and a hanging API never holding up the
 * run (its check ends as TIMEOUT and its thread is interrupted). Thread-safe; one instance can run
 * many times.
 *
 * <pre>{@code
 * CheckReport report = IntegrityChecks.builder()
 *     .checks(PlatformChecks.all())
 *     .categories(Set.of(Category.PROXMOX))
 *     .build()
 *     .run(CheckContext.of(kubernetes, proxmox));
 * }</pre>
 */
public final class IntegrityChecks {
  /** The default number of checks run at once. */
  public static final int DEFAULT_PARALLELISM = 32;

  /** The default deadline of a whole run. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  private final List<Check> selected;
  private final int parallelism;
  private final Duration deadline;
  private final List<Waiver> waivers;
  private final Consumer<CheckResult> listener;
  private final Clock clock;

  private IntegrityChecks(Builder b) {
    this.selected = List.copyOf(select(b));
    this.parallelism = b.parallelism;
    this.deadline = b.deadline;
    this.waivers = List.copyOf(b.waivers);
    this.listener = b.listener;
    this.clock = b.clock;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The checks this instance runs, after the filters.
   *
   * @return the checks
   */
  public List<Check> checks() {
    return selected;
  }

  /**
   * Runs the selected checks.
   *
   * @param context the clients and settings
   * @return the report
   */
  public CheckReport run(CheckContext context) {
    return new Execution(selected, parallelism, deadline, waivers, listener, clock).run(context);
  }

  private static List<Check> select(Builder b) {
    Map<String, Check> byId = new LinkedHashMap<>();
    for (Check c : b.checks) {
      if (byId.put(c.id(), c) != null) {
        throw new IllegalArgumentException("checks: the id " + c.id() + " is used twice");
      }
    }
    List<Pattern> ids = b.idPatterns.stream().map(IntegrityChecks::glob).toList();
    List<Check> out = new ArrayList<>();
    for (Check c : byId.values()) {
      boolean category = b.categories.contains(c.category());
      boolean id = ids.isEmpty() || ids.stream().anyMatch(p -> p.matcher(c.id()).matches());
      boolean severity = b.minimumSeverity.map(s -> c.severity().atLeast(s)).orElse(true);
      if (category && id && severity) {
        out.add(c);
      }
    }
    return out;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  /** Builds an {@link IntegrityChecks}. */
  public static final class Builder {
    private final List<Check> checks = new ArrayList<>();
    private Set<Category> categories = EnumSet.allOf(Category.class);
    private final List<String> idPatterns = new ArrayList<>();
    private Optional<Severity> minimumSeverity = Optional.empty();
    private int parallelism = DEFAULT_PARALLELISM;
    private Duration deadline = DEFAULT_DEADLINE;
    private final List<Waiver> waivers = new ArrayList<>();
    private Consumer<CheckResult> listener = r -> {};
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds checks to the catalogue.
     *
     * @param more the checks
     * @return this builder
     */
    public Builder checks(List<Check> more) {
      checks.addAll(more);
      return this;
    }

    /**
     * Runs only checks of these categories (default: all).
     *
     * @param only the categories
     * @return this builder
     */
    public Builder categories(Set<Category> only) {
      if (only.isEmpty()) {
        throw new IllegalArgumentException("categories: at least one is needed");
      }
      this.categories = EnumSet.copyOf(only);
      return this;
    }

    /**
     * Runs only checks whose id matches one of these patterns ({@code *} matches anything).
     *
     * @param patterns id patterns such as {@code operators.*}
     * @return this builder
     */
    public Builder ids(List<String> patterns) {
      idPatterns.addAll(patterns);
      return this;
    }

    /**
     * Runs only checks of at least this severity.
     *
     * @param severity the lowest severity run
     * @return this builder
     */
    public Builder minimumSeverity(Severity severity) {
      this.minimumSeverity = Optional.of(severity);
      return this;
    }

    /**
     * How many checks run at once; 1 runs them one by one.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder parallelism(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("parallelism: '" + value + "' must be at least 1");
      }
      this.parallelism = value;
      return this;
    }

    /**
     * The deadline of the whole run; checks still running then end as TIMEOUT.
     *
     * @param value the deadline
     * @return this builder
     */
    public Builder deadline(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("deadline: '" + value + "' must be > 0");
      }
      this.deadline = value;
      return this;
    }

    /**
     * Exceptions to apply.
     *
     * @param more the exceptions
     * @return this builder
     */
    public Builder waivers(List<Waiver> more) {
      waivers.addAll(more);
      return this;
    }

    /**
     * Called with each result as it is known, from the runner's threads (for progress bars).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(Consumer<CheckResult> value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * The clock used for durations and exception expiry.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Builds it.
     *
     * @return the runner
     */
    public IntegrityChecks build() {
      return new IntegrityChecks(this);
    }
  }
}
