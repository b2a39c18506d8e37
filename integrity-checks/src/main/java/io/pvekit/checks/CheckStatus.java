package io.pvekit.checks;

/**
 * The outcome of one check. Only {@link #PASS}, {@link #WARN} and {@link #FAIL} mean the check
 * looked at the platform and judged it; every other status means it could not, and never counts as
 * healthy.
 */
public enum CheckStatus {
  /** The platform is as it should be. */
  PASS,
  /** Not broken, but worth a look. */
  WARN,
  /** Broken: something must be fixed. */
  FAIL,
  /** Not run, with the reason (a dependency did not pass, or nothing to look at). */
  SKIP,
  /** The check ran but was not allowed to see what it needs (for example a 403). */
  NOT_EVALUATED,
  /** The check or the whole run ran out of time. */
  TIMEOUT,
  /** The check itself failed (an unexpected exception, an API that did not answer). */
  ERROR;

  /**
   * Whether the check judged the platform: PASS, WARN or FAIL.
   *
   * @return true for a judged result
   */
  public boolean evaluated() {
    return this == PASS || this == WARN || this == FAIL;
  }

  /**
   * Whether this says "could not check": NOT_EVALUATED, TIMEOUT or ERROR.
   *
   * @return true when the platform's state is unknown
   */
  public boolean unknown() {
    return this == NOT_EVALUATED || this == TIMEOUT || this == ERROR;
  }
}
