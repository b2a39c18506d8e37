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
}
