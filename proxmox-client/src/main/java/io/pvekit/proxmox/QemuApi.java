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
    return Decode.list(
        transport.call(ApiCall.get("/nodes/{node}/qemu").path("node", node)), Decode::guest);
  }

  /** {@code POST /nodes/{node}/qemu}: creates a VM in a task ({@code qmcreate}). */
  public Task create(QemuCreateRequest request) {
    return Task.from(
        transport,
        transport.call(
            ApiCall.post("/nodes/{node}/qemu").path("node", node).params(request.params())),
        "create VM " + request.vmid());
  }

  /** One VM. */
  public QemuVm vm(VmId vmid) {
    return new QemuVm(transport, node, vmid);
  }

  /** One VM. */
  public QemuVm vm(int vmid) {
    return vm(VmId.of(vmid));
  }
}
