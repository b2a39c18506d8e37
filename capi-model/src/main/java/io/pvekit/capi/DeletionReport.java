package io.pvekit.capi;

import java.util.List;

/**
 * What is left of a tenant cluster after deletion.
 *
 * @param tenant the tenant
 * @param leftoverObjects Cluster API, CAPMOX and Kamaji objects still present ({@code Kind/name})
 * @param leftoverVms Proxmox VMs that belonged to the cluster ({@code node/vmid name})
 * @param vmsChecked whether Proxmox was asked (false when the service has no Proxmox client and the
 *     tenant had worker pools)
 */
public record DeletionReport(
    TenantRef tenant, List<String> leftoverObjects, List<String> leftoverVms, boolean vmsChecked) {
  /** Copies the lists. */
  public DeletionReport {
    leftoverObjects = List.copyOf(leftoverObjects);
    leftoverVms = List.copyOf(leftoverVms);
  }

  /**
   * Whether nothing is left, Proxmox included.
   *
   * @return true when no object and no VM is left and the VMs were checked
   */
  public boolean clean() {
    return leftoverObjects.isEmpty() && leftoverVms.isEmpty() && vmsChecked;
  }
}
