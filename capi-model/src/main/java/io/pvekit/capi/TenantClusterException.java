package io.pvekit.capi;

/**
 * A lifecycle operation on a tenant cluster did not succeed. Subclasses say why; {@link #health()}
 * is the last health summary read, when there is one.
 */
public class TenantClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The health at the time of failure (records are not serializable, so transient). */
  private final transient HealthSummary health;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do
   * @param health the last health summary, or null
   * @param cause the cause, or null
   */
  public TenantClusterException(String message, HealthSummary health, Throwable cause) {
    super(message, cause);
    this.health = health;
  }

  /**
   * The last health summary read.
   *
   * @return the summary, or null when none was read
   */
  public HealthSummary health() {
    return health;
  }

  /** The tenant did not get ready (or deleted) within the timeout. */
  public static final class Timeout extends TenantClusterException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was awaited
     * @param health the last health summary
     */
    public Timeout(String message, HealthSummary health) {
      super(message, health, null);
    }
  }

  /** A machine failed for good (for example its VM clone failed). */
  public static final class ProvisioningFailed extends TenantClusterException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which machine failed and why
     * @param health the health summary
     */
    public ProvisioningFailed(String message, HealthSummary health) {
      super(message, health, null);
    }
  }

  /** The tenant is not there. */
  public static final class NotFound extends TenantClusterException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing
     */
    public NotFound(String message) {
      super(message, null, null);
    }
  }
}
