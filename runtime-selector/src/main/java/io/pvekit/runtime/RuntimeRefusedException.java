package io.pvekit.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** A database request that cannot be placed: the failed constraints say what to change. */
public final class RuntimeRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Decision decision;

  /**
   * Wraps a refused decision.
   *
   * @param decision the decision, not accepted
   */
  public RuntimeRefusedException(Decision decision) {
    super(
        decision.request().engine().kind()
            + " "
            + decision.request().namespace()
            + "/"
            + decision.request().name()
            + " refused: "
            + decision.violations().stream()
                .map(r -> r.constraint() + ": " + r.message())
                .collect(Collectors.joining("; ")));
    this.decision = decision;
  }

  /**
   * The refused decision.
   *
   * @return the decision
   */
  public Decision decision() {
    return decision;
  }

  /**
   * The failed constraints.
   *
   * @return the violations
   */
  public List<Reason> violations() {
    return decision.violations();
  }
}
