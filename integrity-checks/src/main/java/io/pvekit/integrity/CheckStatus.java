package io.pvekit.integrity;

/** The outcome of one check, ordered from best to worst. */
public enum CheckStatus {
  /** The platform is as it should be. */
  PASS,
  /** Not broken, but worth a look. */
  WARN,
  /** Broken: something must be fixed. */
  FAIL,
  /** The check could not run (for example a component is absent); says why. */
  ERROR;

  /**
   * The worse of two statuses, for rolling results up into a report.
   *
   * @param other the other status
   * @return the worse one
   */
  public CheckStatus worst(CheckStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
