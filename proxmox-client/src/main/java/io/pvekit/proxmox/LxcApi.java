package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}/lxc}: list and create containers, and reach one container. */
public final class LxcApi {
  private final Transport transport;
  private final NodeName node;

  LxcApi(Transport transport, NodeName node) {
    this.transport = transport;
    this.node = node;
  }

  /** {@code GET /nodes/{node}/lxc}. */
  public List<GuestSummary> list() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/lxc").path("node", node), d -> Decode.list(d, Decode::guest));
  }

  /** {@code POST /nodes/{node}/lxc}: creates a container in a task ({@code vzcreate}). */
  public Task create(LxcCreateRequest request) {
    return transport.decode(
        ApiCall.post("/nodes/{node}/lxc").path("node", node).params(request.params()),
        d -> Task.from(transport, d, "create CT " + request.vmid()));
  }

  /** One container. */
  public LxcContainer container(VmId vmid) {
    return new LxcContainer(transport, node, vmid);
  }

  /** One container. */
  public LxcContainer container(int vmid) {
    return container(VmId.of(vmid));
  }

  /**
   * {@code POST /nodes/{node}/lxc} with {@code restore=1}: restores a {@code vzdump} backup as a
   * container.
   *
   * @param vmid the container to create (or overwrite with {@code force})
   * @param archive the backup's volume id
   * @param storage where the volumes go, or null for the storages in the backup
   * @param force overwrite an existing container with this id
   * @return the {@code vzrestore} task
   */
  public Task restore(VmId vmid, String archive, StorageId storage, boolean force) {
    return restore(vmid, archive, storage, force, false);
  }

  /**
   * {@code POST /nodes/{node}/lxc} with {@code restore=1} and {@code unique}: restores a backup as
   * a copy that can run beside the original.
   *
   * @param vmid the container to create (or overwrite with {@code force})
   * @param archive the backup's volume id
   * @param storage where the volumes go, or null for PVE's default ({@code local})
   * @param force overwrite an existing container with this id
   * @param unique give the container new MAC addresses
   * @return the {@code vzrestore} task
   */
  public Task restore(VmId vmid, String archive, StorageId storage, boolean force, boolean unique) {
    return transport.decode(
        ApiCall.post("/nodes/{node}/lxc")
            .path("node", node)
            .param("vmid", vmid)
            .param("ostemplate", archive)
            .param("restore", true)
            .param("storage", storage)
            .param("force", force)
            .param("unique", unique ? Boolean.TRUE : null),
        d -> Task.from(transport, d, "restore CT " + vmid));
  }
}
