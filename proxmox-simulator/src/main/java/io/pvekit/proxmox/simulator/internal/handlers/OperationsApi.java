package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.api.Router;

/**
 * Registers the day-two operations in one step: {@code vzdump} backups and restores, scheduled
 * backup jobs, metrics ({@code rrddata}), the cluster log and the role list.
 */
public final class OperationsApi {
  private OperationsApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    BackupApi.register(r);
    BackupJobApi.register(r);
    MetricsApi.register(r);
    RoleApi.register(r);
  }
}
