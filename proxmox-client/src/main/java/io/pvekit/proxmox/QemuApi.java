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
}
