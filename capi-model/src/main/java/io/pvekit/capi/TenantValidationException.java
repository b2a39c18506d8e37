package io.pvekit.capi;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link TenantCluster.Builder#build()} with every problem found in the input. */
public final class TenantValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; a List.copyOf is serializable. */
  private final List<ValidationError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems (at least one)
   */
  public TenantValidationException(List<ValidationError> errors) {
    super(
        "tenant cluster input has "
            + errors.size()
            + " problem(s):\n"
            + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /**
   * Every problem, in input order.
   *
   * @return the errors
   */
  public List<ValidationError> errors() {
    return errors;
  }
}
