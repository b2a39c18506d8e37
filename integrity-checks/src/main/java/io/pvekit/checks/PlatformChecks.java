package io.pvekit.checks;

import java.util.ArrayList;
import java.util.List;

/** The built-in checks of the whole platform, in the order reports list them. */
public final class PlatformChecks {
  private PlatformChecks() {}

  /**
   * Every built-in check.
   *
   * @return the checks
   */
  public static List<Check> all() {
    List<Check> all = new ArrayList<>();
    return List.copyOf(all);
  }
}
