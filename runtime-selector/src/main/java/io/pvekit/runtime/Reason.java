package io.pvekit.runtime;

import org.immutables.value.Value;

/** One constraint's outcome: passed or failed, and a message that says what to change. */
@Value.Immutable
public abstract class Reason {
  Reason() {}

  @Value.Parameter
  public abstract Constraint constraint();

  @Value.Parameter
  public abstract boolean passed();

  @Value.Parameter
  public abstract String message();

  /**
   * A passed constraint.
   *
   * @param constraint the constraint
   * @param message what was checked
   * @return the reason
   */
  public static Reason pass(Constraint constraint, String message) {
    return ImmutableReason.of(constraint, true, message);
  }

  /**
   * A failed constraint.
   *
   * @param constraint the constraint
   * @param message what failed and what to change
   * @return the reason
   */
  public static Reason fail(Constraint constraint, String message) {
    return ImmutableReason.of(constraint, false, message);
  }

  @Override
  public String toString() {
    return (passed() ? "PASS " : "FAIL ") + constraint() + ": " + message();
  }
}
