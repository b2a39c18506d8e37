package io.pvekit.checks;

/**
 * Thrown by a check that cannot see what it needs although no call failed, for example an API that
 * filters lists by permission and answered with nothing. The runner reports NOT_EVALUATED, never
 * PASS.
 */
public final class CheckNotEvaluatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param why what could not be seen and what to grant
   */
  public CheckNotEvaluatedException(String why) {
    super(why);
  }
}
