package io.pvekit.capi;

import java.util.List;

/**
 * What is left of a tenant cluster after deletion.
 *
 * @param tenant the tenant
 * @param leftoverObjects Cluster API, CAPMOX and Kamaji objects still present ({@code Kind/name})
 * @param leftoverVms Proxmox VMs that belonged to the cluster ({@code node/vmid name})
 */
public record DeletionReport(
    TenantRef tenant, List<String> leftoverObjects, List<String> leftoverVms) {
  /** Copies the lists. */
  public DeletionReport {
    leftoverObjects = List.copyOf(leftoverObjects);
    leftoverVms = List.copyOf(leftoverVms);
  }

  /**
   * Whether nothing is left.
   *
   * @return true when clean
   */
  public boolean clean() {
    return leftoverObjects.isEmpty() && leftoverVms.isEmpty();
  }
}
