package io.pvekit.oci.internal.ids;

/**
 * The range of user and group ids pvekit accepts: 0 to 2^31-1, as runc does.
 *
 * <p>Why: liblxc takes -1 (and what wraps to it, such as 4294967295) as "not set" and starts the
 * process as root, and larger numbers are truncated. A config that asks for such an id would run as
 * root while every check outside (Kubernetes' runAsNonRoot) sees a non-zero id.
 */
public final class OciIds {
  /** The largest id accepted. */
  public static final long MAX = Integer.MAX_VALUE;

  private OciIds() {}

  /** Whether {@code id} is a user or group id pvekit can pass on unchanged. */
  public static boolean valid(long id) {
    return id >= 0 && id <= MAX;
  }

  /** The message for an id that is not {@link #valid}. */
  public static String problem(long id) {
    return "id "
        + id
        + " is outside 0.."
        + MAX
        + ": liblxc would read it as \"not set\" and run the process as root; use a real id";
  }
}
