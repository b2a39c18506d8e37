package io.pvekit.checks;

import java.util.Locale;

/** How much a failed check matters, from least to most. */
public enum Severity {
  /** Informational. */
  INFO,
  /** Low. */
  LOW,
  /** Medium. */
  MEDIUM,
  /** High: a part of the platform does not work. */
  HIGH,
  /** Critical: the platform as a whole does not work. */
  CRITICAL;

  /**
   * Whether this severity is at least {@code threshold}.
   *
   * @param threshold the threshold
   * @return true when this is as severe or more
   */
  public boolean atLeast(Severity threshold) {
    return ordinal() >= threshold.ordinal();
  }

  /**
   * The severity with this name, case-insensitive.
   *
   * @param text {@code high}, {@code CRITICAL}, ...
   * @return the severity
   * @throws IllegalArgumentException naming the valid names
   */
  public static Severity parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "severity: '" + text + "' is not one of info, low, medium, high, critical", e);
    }
  }
}
