package io.pvekit.integrity;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** What one check found. */
@Value.Immutable
public abstract class CheckResult {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  /**
   * The check's stable id, {@code category.name}, for example {@code proxmox.api-reachable}.
   *
   * @return the id
   */
  public abstract String checkId();

  /**
   * The outcome.
   *
   * @return the status
   */
  public abstract CheckStatus status();

  /**
   * One sentence on what was found.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * What to do about it, when the status is not {@link CheckStatus#PASS}.
   *
   * @return the remedy
   */
  public abstract Optional<String> remedy();

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
    if (!ID.matcher(checkId()).matches()) {
      throw new IllegalArgumentException(
          "checkId: '" + checkId() + "' must look like category.name (lower case, dots)");
    }
    if (status() != CheckStatus.PASS && remedy().isEmpty()) {
      throw new IllegalArgumentException(
          "remedy: a " + status() + " result of " + checkId() + " must say what to do");
    }
  }
}
