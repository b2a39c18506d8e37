package io.pvekit.checks;

/**
 * The body of a check. It reads the platform through the context and returns an outcome. It should
 * not catch API errors it cannot judge: the runner turns a 401/403 into NOT_EVALUATED and anything
 * else into ERROR, so "could not check" never reads as PASS.
 */
@FunctionalInterface
public interface CheckFunction {
  /**
   * Evaluates the check.
   *
   * @param context the clients and settings
   * @return the outcome
   * @throws Exception when the check could not run
   */
  CheckOutcome evaluate(CheckContext context) throws Exception;
}
