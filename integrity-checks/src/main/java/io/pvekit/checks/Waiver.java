package io.pvekit.checks;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An exception: accepts a check's problems for a scope, with a reason, until an expiry date. A
 * waived result keeps its status but no longer counts against the exit code.
 */
@Value.Immutable
public abstract class Waiver {
  /**
   * The check id, or a pattern with {@code *} such as {@code operators.*}.
   *
   * @return the id pattern
   */
  public abstract String check();

  /**
   * Which problems are waived: a pattern with {@code *} matched against the evidence subjects
   * ({@code pod mariadb-operator/*}); empty waives every problem of the check.
   *
   * @return the scope
   */
  public abstract Optional<String> scope();

  /**
   * Why the problem is accepted.
   *
   * @return the reason
   */
  public abstract String reason();

  /**
   * The last day the exception applies.
   *
   * @return the expiry date
   */
  public abstract LocalDate expires();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableWaiver.Builder builder() {
    return ImmutableWaiver.builder();
  }

  /**
   * Whether the exception has expired on {@code today}.
   *
   * @param today the date
   * @return true after the expiry date
   */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires());
  }

  /**
   * Whether this exception waives {@code result}: the id matches, the result is FAIL or WARN, and
   * every problem's subject falls in the scope.
   *
   * @param result the result
   * @return true when waived
   */
  public boolean covers(CheckResult result) {
    if (!glob(check()).matcher(result.checkId()).matches()) {
      return false;
    }
    if (result.status() != CheckStatus.FAIL && result.status() != CheckStatus.WARN) {
      return false;
    }
    if (scope().isEmpty()) {
      return true;
    }
    Pattern subjects = glob(scope().get());
    return result.evidence().stream().anyMatch(Evidence::problem)
        && result.evidence().stream()
            .filter(Evidence::problem)
            .allMatch(e -> subjects.matcher(e.subject()).matches());
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

  @Value.Check
  void validate() {
    if (check().isBlank()) {
      throw new IllegalArgumentException("check: must name a check id or pattern");
    }
    if (reason().isBlank()) {
      throw new IllegalArgumentException("reason: the exception for " + check() + " needs one");
    }
  }
}
