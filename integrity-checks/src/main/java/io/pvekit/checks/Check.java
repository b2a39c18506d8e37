package io.pvekit.checks;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One integrity check: what it looks at, why it matters, how to fix it, and the function that
 * evaluates it.
 */
@Value.Immutable
public abstract class Check {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*");

  /** The default per-check timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The stable id, {@code category.name}, for example {@code tenant.kamaji-operator-running}.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The category; the id starts with its id.
   *
   * @return the category
   */
  public abstract Category category();

  /**
   * How much a failure matters.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * A short title.
   *
   * @return the title
   */
  public abstract String title();

  /**
   * What the check looks at and why it matters.
   *
   * @return the description
   */
  public abstract String description();

  /**
   * What to do when it does not pass.
   *
   * @return the remediation
   */
  public abstract String remediation();

  /**
   * Ids of checks that must PASS or WARN before this one runs; otherwise it is skipped.
   *
   * @return the dependencies
   */
  public abstract List<String> dependencies();

  /**
   * How long the check may take.
   *
   * @return the timeout
   */
  @Value.Default
  public Duration timeout() {
    return DEFAULT_TIMEOUT;
  }

  /**
   * The function that evaluates it.
   *
   * @return the function
   */
  @Value.Auxiliary
  public abstract CheckFunction function();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCheck.Builder builder() {
    return ImmutableCheck.builder();
  }

  @Value.Check
  void validate() {
    if (!ID.matcher(id()).matches()) {
      throw new IllegalArgumentException(
          "id: '" + id() + "' must look like category.name (lower case, one dot)");
    }
    if (!id().startsWith(category().id() + ".")) {
      throw new IllegalArgumentException(
          "id: '" + id() + "' must start with its category '" + category().id() + ".'");
    }
    if (timeout().isNegative() || timeout().isZero()) {
      throw new IllegalArgumentException(
          "timeout: '" + timeout() + "' of " + id() + " must be > 0");
    }
    if (dependencies().contains(id())) {
      throw new IllegalArgumentException("dependencies: " + id() + " depends on itself");
    }
  }
}
