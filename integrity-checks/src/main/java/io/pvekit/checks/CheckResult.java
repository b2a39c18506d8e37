package io.pvekit.checks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What one check found, with the evidence and how long it took. */
@Value.Immutable
public abstract class CheckResult {
  /**
   * The check's id.
   *
   * @return the id
   */
  public abstract String checkId();

  /**
   * The check's category.
   *
   * @return the category
   */
  public abstract Category category();

  /**
   * The check's severity.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * The check's title.
   *
   * @return the title
   */
  public abstract String title();

  /**
   * The outcome.
   *
   * @return the status
   */
  public abstract CheckStatus status();

  /**
   * One sentence on what was found, or why it could not be.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * What was looked at.
   *
   * @return the evidence
   */
  public abstract List<Evidence> evidence();

  /**
   * What to do, for every status other than PASS and SKIP.
   *
   * @return the remediation
   */
  public abstract Optional<String> remediation();

  /**
   * How long the check ran.
   *
   * @return the duration
   */
  public abstract Duration duration();

  /**
   * The reason of the exception that waives this result, when one does.
   *
   * @return the waiver's reason
   */
  public abstract Optional<String> waivedBecause();

  /**
   * Whether this result counts against the exit code: not waived and FAIL or could-not-check.
   *
   * @return true when it counts
   */
  public boolean counts() {
    return waivedBecause().isEmpty() && (status() == CheckStatus.FAIL || status().unknown());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCheckResult.Builder builder() {
    return ImmutableCheckResult.builder();
  }

  @Value.Check
  void validate() {
    boolean needsRemedy = status() != CheckStatus.PASS && status() != CheckStatus.SKIP;
    if (needsRemedy && remediation().isEmpty()) {
      throw new IllegalArgumentException(
          "remediation: a " + status() + " result of " + checkId() + " must say what to do");
    }
  }
}
