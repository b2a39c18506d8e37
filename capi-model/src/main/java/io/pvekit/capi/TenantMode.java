package io.pvekit.capi;

/** How a tenant cluster's control plane is declared. */
public enum TenantMode {
  /**
   * Cluster API with Kamaji: a Cluster whose {@code controlPlaneRef} is a KamajiControlPlane and
   * whose {@code infrastructureRef} is a ProxmoxCluster, plus worker pools as MachineDeployments.
   */
  CAPI,
  /** A bare Kamaji TenantControlPlane, for users without Cluster API (no workers are declared). */
  KAMAJI_ONLY
}
