package io.pvekit.capi;

/**
 * A progress event while waiting for a tenant cluster.
 *
 * @param type what happened
 * @param tenant the tenant
 * @param subject the object it is about (a machine or node name, or the cluster name)
 * @param message a human-readable line
 */
public record TenantEvent(Type type, TenantRef tenant, String subject, String message) {
  /** Kinds of progress. */
  public enum Type {
    /** The control plane answers. */
    CONTROL_PLANE_READY,
    /** A machine's VM exists (it has a provider ID). */
    MACHINE_PROVISIONED,
    /** A machine's node joined the cluster. */
    NODE_JOINED,
    /** A machine failed. */
    MACHINE_FAILED,
    /** Everything is ready. */
    CLUSTER_READY
  }

  @Override
  public String toString() {
    return type + " " + subject + ": " + message;
  }
}
