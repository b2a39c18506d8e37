package io.pvekit.capi;

import java.util.List;

/**
 * The health of a tenant cluster, read from the conditions of its Cluster, KamajiControlPlane or
 * TenantControlPlane, MachineDeployments and Machines.
 *
 * @param tenant the tenant
 * @param exists whether the tenant's top object exists at all
 * @param phase the Cluster's phase (or the TenantControlPlane's version status)
 * @param controlPlaneReady whether the control plane answers
 * @param controlPlaneVersion the running control-plane version, empty when unknown
 * @param infrastructureReady whether the ProxmoxCluster is provisioned (true in KAMAJI_ONLY mode)
 * @param pools the worker pools
 * @param machines the machines
 * @param problems human-readable problems (failed machines, false conditions with a reason)
 */
public record HealthSummary(
    TenantRef tenant,
    boolean exists,
    String phase,
    boolean controlPlaneReady,
    String controlPlaneVersion,
    boolean infrastructureReady,
    List<PoolHealth> pools,
    List<MachineHealth> machines,
    List<String> problems) {

  /** Copies the lists. */
  public HealthSummary {
    pools = List.copyOf(pools);
    machines = List.copyOf(machines);
    problems = List.copyOf(problems);
  }

  /**
   * Whether the whole cluster is ready: control plane, infrastructure, every pool at its replica
   * count and every machine ready.
   *
   * @return true when ready
   */
  public boolean ready() {
    return exists
        && controlPlaneReady
        && infrastructureReady
        && pools.stream().allMatch(PoolHealth::complete)
        && machines.stream().allMatch(MachineHealth::ready);
  }

  /**
   * Machines that failed for good.
   *
   * @return the failed machines
   */
  public List<MachineHealth> failedMachines() {
    return machines.stream().filter(MachineHealth::failed).toList();
  }

  /**
   * A worker pool.
   *
   * @param name the MachineDeployment name
   * @param desired spec replicas
   * @param current machines that exist
   * @param ready ready machines
   * @param version the template's Kubernetes version
   */
  public record PoolHealth(String name, int desired, int current, int ready, String version) {
    /**
     * Whether the pool has exactly its replica count, all ready.
     *
     * @return true when complete
     */
    public boolean complete() {
      return current == desired && ready >= desired;
    }
  }

  /**
   * A machine.
   *
   * @param name the Machine name
   * @param phase its phase
   * @param version its Kubernetes version
   * @param providerID the VM's provider ID, empty until provisioned
   * @param nodeName the node name, empty until joined
   * @param ready whether its Ready condition is true
   * @param message the reason it is not ready, empty when ready
   */
  public record MachineHealth(
      String name,
      String phase,
      String version,
      String providerID,
      String nodeName,
      boolean ready,
      String message) {
    /**
     * Whether the machine failed for good.
     *
     * @return true in phase {@code Failed}
     */
    public boolean failed() {
      return "Failed".equals(phase);
    }
  }
}
