package io.pvekit.testing;

/** Whether the tests run in CI, where nothing may pass by being skipped. */
public final class Ci {
  /** System property that overrides the {@code CI} environment variable (for testing this). */
  public static final String OVERRIDE_PROPERTY = "pvekit.ci";

  private Ci() {}

  /** True when {@code CI=true} (or the override property says so). */
  public static boolean isCi() {
    String override = System.getProperty(OVERRIDE_PROPERTY);
    if (override != null) {
      return Boolean.parseBoolean(override);
    }
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
