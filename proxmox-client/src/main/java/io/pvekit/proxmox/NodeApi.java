package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}}: one node's status, network, storage, VMs, containers and tasks. */
public final class NodeApi {
  private final Transport transport;
  private final NodeName node;

  NodeApi(Transport transport, NodeName node) {
    this.transport = transport;
    this.node = node;
  }

  public NodeName name() {
    return node;
  }

  /** {@code GET /nodes/{node}/status}. */
  public NodeStatus status() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/status").path("node", node), Decode::nodeStatus);
  }

  /** {@code GET /nodes/{node}/network}: all interfaces. */
  public List<NetworkInterface> network() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/network").path("node", node),
        d -> Decode.list(d, Decode::network));
  }

  /** {@code GET /nodes/{node}/network?type=bridge}: the bridges VMs and containers attach to. */
  public List<NetworkInterface> bridges() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/network").path("node", node).param("type", "any_bridge"),
        d -> Decode.list(d, Decode::network));
  }

  /** {@code GET /nodes/{node}/storage}: the storages this node can use, with usage. */
  public List<StorageStatus> storages() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/storage").path("node", node),
        d -> Decode.list(d, Decode::storage));
  }

  /** One storage on this node. */
  public StorageApi storage(String storage) {
    return storage(StorageId.of(storage));
  }

  /** One storage on this node. */
  public StorageApi storage(StorageId storage) {
    return new StorageApi(transport, node, storage);
  }

  /** QEMU VMs on this node. */
  public QemuApi qemu() {
    return new QemuApi(transport, node);
  }

  /** LXC containers on this node. */
  public LxcApi lxc() {
    return new LxcApi(transport, node);
  }

  /** Tasks of this node. */
  public TasksApi tasks() {
    return new TasksApi(transport, node);
  }
}
