package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}/qemu}: list and create VMs, and reach one VM. */
public final class QemuApi {
  private final Transport transport;
  private final NodeName node;

  QemuApi(Transport transport, NodeName node) {
    this.transport = transport;
    this.node = node;
  }

  /** {@code GET /nodes/{node}/qemu}. */
  public List<GuestSummary> list() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/qemu").path("node", node), d -> Decode.list(d, Decode::guest));
  }

  /** {@code POST /nodes/{node}/qemu}: creates a VM in a task ({@code qmcreate}). */
  public Task create(QemuCreateRequest request) {
    return transport.decode(
        ApiCall.post("/nodes/{node}/qemu").path("node", node).params(request.params()),
        d -> Task.from(transport, d, "create VM " + request.vmid()));
  }

  /** One VM. */
  public QemuVm vm(VmId vmid) {
    return new QemuVm(transport, node, vmid);
  }

  /** One VM. */
  public QemuVm vm(int vmid) {
    return vm(VmId.of(vmid));
  }

  /**
   * {@code POST /nodes/{node}/qemu} with {@code archive}: restores a {@code vzdump} backup as a VM.
   *
   * @param vmid the VM to create (or overwrite with {@code force})
   * @param archive the backup's volume id, e.g. {@code pbs:backup/vm/101/2026-12-07T10:00:00Z}
   * @param storage where the disks go, or null for the storages in the backup
   * @param force overwrite an existing VM with this id
   * @return the {@code qmrestore} task
   */
  public Task restore(VmId vmid, String archive, StorageId storage, boolean force) {
    return restore(vmid, archive, storage, force, false);
  }

  /**
   * {@code POST /nodes/{node}/qemu} with {@code archive} and {@code unique}: restores a backup as a
   * copy that can run beside the original.
   *
   * @param vmid the VM to create (or overwrite with {@code force})
   * @param archive the backup's volume id
   * @param storage where the disks go, or null for the storages in the backup
   * @param force overwrite an existing VM with this id
   * @param unique give the VM new MAC addresses and a new SMBIOS UUID
   * @return the {@code qmrestore} task
   */
  public Task restore(VmId vmid, String archive, StorageId storage, boolean force, boolean unique) {
    return transport.decode(
        ApiCall.post("/nodes/{node}/qemu")
            .path("node", node)
            .param("vmid", vmid)
            .param("archive", archive)
            .param("storage", storage)
            .param("force", force)
            .param("unique", unique ? Boolean.TRUE : null),
        d -> Task.from(transport, d, "restore VM " + vmid));
  }
}
