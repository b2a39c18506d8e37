package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /cluster}: membership, resources of every node, the next free VMID, recent tasks. */
public final class ClusterApi {
  private final Transport transport;

  ClusterApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET /cluster/status}: the cluster entry (quorum) and one entry per node. */
  public List<ClusterStatusEntry> status() {
    return transport.decode(
        ApiCall.get("/cluster/status"), d -> Decode.list(d, Decode::clusterStatus));
  }

  /** {@code GET /cluster/resources}: every VM, container, node, storage, pool and SDN zone. */
  public List<ClusterResource> resources() {
    return transport.call(ApiCall.get("/cluster/resources"), ResourceReader.list());
  }

  /** {@code GET /cluster/resources?type=...}: resources of one kind ({@code VM} = QEMU + LXC). */
  public List<ClusterResource> resources(ClusterResource.Kind kind) {
    return transport.call(
        ApiCall.get("/cluster/resources").param("type", kind.wire()), ResourceReader.list());
  }

  /**
   * {@code GET /cluster/nextid}: the lowest free VMID (the server answers a string; parsed here).
   * Not a reservation: two callers can get the same id; creating with a taken id fails.
   */
  public VmId nextId() {
    return transport.decode(ApiCall.get("/cluster/nextid"), d -> VmId.parse(d.asText()));
  }

  /** {@code GET /cluster/tasks}: recent tasks of all nodes. */
  public List<TaskSummary> tasks() {
    return transport.decode(
        ApiCall.get("/cluster/tasks"), d -> Decode.list(d, Decode::taskSummary));
  }
}
