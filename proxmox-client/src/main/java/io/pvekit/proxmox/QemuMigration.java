package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;

/**
 * {@code /nodes/{node}/qemu/{vmid}/migrate}: checks and moves a VM to another node of the cluster.
 *
 * <pre>{@code
 * QemuMigration migration = client.node("pve1").qemu().vm(101).migration();
 * if (migration.check(NodeName.of("pve2")).allows(NodeName.of("pve2"))) {
 *   migration.migrate(NodeName.of("pve2"), true, true).await(Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class QemuMigration {
  private static final String PATH = "/nodes/{node}/qemu/{vmid}/migrate";

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;

  QemuMigration(Transport transport, NodeName node, VmId vmid) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
  }

  /**
   * {@code GET .../migrate?target=}: the preconditions PVE sees.
   *
   * @param target the node to check, or null for all
   * @return running state, allowed nodes and local disks
   */
  public MigrationCheck check(NodeName target) {
    return transport.decode(
        ApiCall.get(PATH).path("node", node).path("vmid", vmid).param("target", target),
        d -> {
          Ergonomics.object(d, "migrate preconditions");
          return ImmutableMigrationCheck.builder()
              .running(Json.flag(d, "running"))
              .allowedNodes(Json.list(d, "allowed_nodes"))
              .notAllowedNodes(d.path("not_allowed_nodes"))
              .localDisks(Json.items(d.path("local_disks")))
              .raw(d)
              .build();
        });
  }

  /**
   * {@code POST .../migrate}: moves the VM.
   *
   * @param target the node to move it to
   * @param online migrate a running VM live (required when it runs)
   * @param withLocalDisks also copy disks on local storages (to the same storage id on the target)
   * @return the {@code qmigrate} task
   */
  public Task migrate(NodeName target, boolean online, boolean withLocalDisks) {
    return migrate(target, online, withLocalDisks, null);
  }

  /**
   * {@code POST .../migrate} with a storage mapping for the local disks.
   *
   * @param target the node to move it to
   * @param online migrate a running VM live
   * @param withLocalDisks also copy disks on local storages
   * @param targetStorage {@code STORAGE} or {@code SOURCE:TARGET,...} pairs, or null for the same
   *     ids
   * @return the {@code qmigrate} task
   */
  public Task migrate(
      NodeName target, boolean online, boolean withLocalDisks, String targetStorage) {
    if (target.equals(node)) {
      throw new IllegalArgumentException(
          "target: VM " + vmid + " is already on " + node + "; name another node");
    }
    return transport.decode(
        ApiCall.post(PATH)
            .path("node", node)
            .path("vmid", vmid)
            .param("target", target)
            .param("online", online)
            .param("with-local-disks", withLocalDisks)
            .param("targetstorage", targetStorage),
        d -> Task.from(transport, d, "migrate VM " + vmid));
  }
}
